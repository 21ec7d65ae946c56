#!/usr/bin/env python3
"""A TCP relay that counts what crosses it, for bench/kiosk/run.

Listens on 127.0.0.1 (a free port), forwards each connection to TARGET and
counts the TCP payload in each direction: for a plaintext gRPC client that is
every HTTP/2 frame, headers, trailers, pings and settings included. It also
splits the bytes (frame headers included) by kind of HTTP/2 frame: HEADERS
(and CONTINUATION), DATA (the gRPC messages), and the rest (the connection
preface, SETTINGS, PING, WINDOW_UPDATE, RST_STREAM, GOAWAY). After every
chunk it rewrites STATS as one line:

    <connections> <bytes client to server> <bytes server to client> <unix time of the last byte>
    <headers bytes> <data bytes> <other bytes>

and prints "LISTENING <port>" once it accepts connections. SIGUSR1 drops
every open connection (a link that fails) and starts the counts again.

    byte_relay.py TARGET_HOST:PORT STATS
"""
import asyncio
import os
import signal
import sys
import time


class Counter:
    def __init__(self, path):
        self.path = path
        self.connections = 0
        self.up = 0
        self.down = 0
        self.last = 0.0
        self.kinds = {"headers": 0, "data": 0, "other": 0}
        self.write()

    def reset(self):
        self.connections = self.up = self.down = 0
        self.last = 0.0
        self.kinds = dict.fromkeys(self.kinds, 0)
        self.write()

    def add(self, upward, n):
        if upward:
            self.up += n
        else:
            self.down += n
        self.last = time.time()
        self.write()

    def write(self):
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{self.connections} {self.up} {self.down} {self.last:.3f} "
                    f"{self.kinds['headers']} {self.kinds['data']} {self.kinds['other']}\n")
        os.replace(tmp, self.path)


class Frames:
    """Follows one direction's HTTP/2 frames and counts their bytes by kind."""

    PREFACE = 24  # b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", client to server only

    def __init__(self, kinds, upward):
        self.kinds = kinds
        self.skip = self.PREFACE if upward else 0
        self.header = b""
        self.left = 0
        self.kind = "other"

    def feed(self, chunk):
        i = 0
        while i < len(chunk):
            if self.skip or self.left:
                take = min(self.skip or self.left, len(chunk) - i)
                self.kinds["other" if self.skip else self.kind] += take
                if self.skip:
                    self.skip -= take
                else:
                    self.left -= take
                i += take
                continue
            part = chunk[i:i + 9 - len(self.header)]
            self.header += part
            i += len(part)
            if len(self.header) == 9:
                kind = self.header[3]
                self.kind = "data" if kind == 0 else "headers" if kind in (1, 9) else "other"
                self.kinds[self.kind] += 9
                self.left = int.from_bytes(self.header[:3], "big")
                self.header = b""


async def pipe(reader, writer, counter, upward):
    frames = Frames(counter.kinds, upward)
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            if frames.kinds is counter.kinds:  # not since a reset
                frames.feed(chunk)
            counter.add(upward, len(chunk))
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main():
    host, port = sys.argv[1].rsplit(":", 1)
    counter = Counter(sys.argv[2])
    live = set()

    def drop_all():
        for task in list(live):
            task.cancel()
        counter.reset()

    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, drop_all)

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        counter.connections += 1
        counter.write()
        task = asyncio.gather(
            pipe(client_reader, server_writer, counter, True),
            pipe(server_reader, client_writer, counter, False),
        )
        live.add(task)
        try:
            await task
        except asyncio.CancelledError:
            pass
        finally:
            live.discard(task)
            client_writer.close()
            server_writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print("LISTENING", server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
