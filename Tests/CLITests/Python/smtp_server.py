# A local SMTP server for the tests (Debian's python3-aiosmtpd): listens on 127.0.0.1 on a free
# port, prints the port, and saves each message as it arrived (FOLDER/N.eml, with N.json holding
# the envelope). RCPT TO a local part starting with "refuse" is refused with 550.
# Usage: python3 smtp_server.py FOLDER ; stops when its standard input closes.
import asyncio, json, os, sys
from aiosmtpd.smtp import SMTP

folder = sys.argv[1]

class Handler:
    def __init__(self):
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.7.1 <%s>: relaying denied" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(folder, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        return "250 Message accepted for delivery"

async def main():
    loop = asyncio.get_running_loop()
    handler = Handler()
    server = await loop.create_server(lambda: SMTP(handler, hostname="test.invalid"), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    # Until the test closes our standard input.
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()

asyncio.run(main())
