# Working from a phone: links straight into a desk page, the speech upload page, the command line beside the running bot.

## Commands that need a file, on a channel that cannot carry one (Zalo): a sign-in link straight to the page that does it
import-on-desk = Dear { $name },
    Zalo cannot carry files, so the Administrative Reform Index table is uploaded on the desk's Index page (it opens on a phone): pick the .xlsx or .csv file, check the preview, confirm, then publish.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
doc-invitations-on-desk = Dear { $name },
    Invite codes were issued to the units that had none. Zalo cannot carry files, so the invitation letters (.docx) are downloaded from the desk's Downloads page.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
list-on-desk = Dear { $name },
    Zalo cannot carry files, so the list of delegates (.docx) is downloaded from the desk's Downloads page.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
export-on-desk = Dear { $name },
    Zalo cannot carry files, so the attendance and speeches workbook (.xlsx) is downloaded from the desk's Downloads page.
    Sign-in link (single use, valid 10 minutes):
    { $url }
    Please do not pass this link on.
