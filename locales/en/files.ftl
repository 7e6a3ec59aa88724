# The HTTP server's own pages and the file links (src/app/http-server.ts, src/lib/files.ts).
desk-coming-title = Organizers' desk
desk-coming-body = The organizers' desk is being finished. Meanwhile, please use the commands in the chat with the bot.
files-link-expired-title = This link has expired
files-link-expired-body = This download link has expired. Please send the command again in the chat with the bot to get a new link.
files-link-unknown-title = File not found
files-link-unknown-body = This link is not right. Please open the link in the bot's message again, or send the command again for a new link.
