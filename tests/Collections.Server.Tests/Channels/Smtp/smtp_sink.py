"""A real SMTP server for the channel tests (aiosmtpd, Debian's python3-aiosmtpd).

Usage: python3 smtp_sink.py <folder> [<user> <password>]
Listens on 127.0.0.1 on a free port (or on $SMTP_SINK_PORT) and prints that port on stdout. Every accepted message is written to
<folder>/<n>.eml (raw bytes as received) with the envelope in <n>.envelope. Recipients whose local part
starts with "bounce" are refused with 550. With a user and password, AUTH (PLAIN/LOGIN) is offered on the
plain connection and checked. Exits when stdin closes, so it never outlives the test run.
"""
import asyncio
import itertools
import json
import os
import pathlib
import sys

from aiosmtpd.smtp import SMTP, AuthResult


class Sink:
    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@")[0].startswith("bounce"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        (self.folder / ("%d.envelope" % n)).write_text(
            json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos, "login": session.auth_data.decode() if isinstance(session.auth_data, bytes) else None}))
        temporary = self.folder / ("%d.tmp" % n)
        temporary.write_bytes(envelope.original_content)
        temporary.rename(self.folder / ("%d.eml" % n))
        return "250 OK queued as %d" % n


class Login:
    def __init__(self, user, password):
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == self.user and auth_data.password == self.password
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


def main():
    folder = sys.argv[1]
    login = Login(sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else None
    handler = Sink(folder)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def factory():
        if login is None:
            return SMTP(handler, decode_data=False, hostname="sink.test")
        return SMTP(handler, decode_data=False, hostname="sink.test",
                    authenticator=login, auth_require_tls=False, auth_required=False)

    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", int(os.environ.get("SMTP_SINK_PORT", "0"))))
    print(server.sockets[0].getsockname()[1], flush=True)
    loop.add_reader(sys.stdin.fileno(), lambda: sys.stdin.buffer.read1(1024) or loop.stop())
    loop.run_forever()


if __name__ == "__main__":
    main()
