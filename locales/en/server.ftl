# The process's HTTP server (src/app/http-server.ts, src/app/main.ts).
server-desk-address = Organizers' desk: { $url }
