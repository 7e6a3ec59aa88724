# The HTTP server's own pages and the file links (src/app/http-server.ts, src/lib/files.ts).
desk-coming-title = Organizers' desk
desk-coming-body = The organizers' desk is being finished. Meanwhile, please use the commands in the chat with the bot.
