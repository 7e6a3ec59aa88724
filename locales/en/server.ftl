# The process's HTTP server (src/app/http-server.ts, src/app/main.ts).
server-desk-address = Organizers' desk: { $url }
server-listen-failed = Could not open the HTTP server on { $host }:{ $port } ({ $code }): the port is used by another program or the address is not on this machine. Please set another PORT (or HOST, DESK_HOST) and start again.
