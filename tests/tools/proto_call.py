#!/usr/bin/python3
"""One unary call to sangkien-server with a request written as field numbers, for the tools tests.

  proto_call.py --target HOST:PORT [--token SECRET] METHOD REQUEST

METHOD is the full path ("/sangkien.v1.PublicityService/UpdateAnnouncement").
REQUEST is a Python literal of the message by field number: an int or bool is a
varint, a str or bytes is length-delimited, a dict is a nested message and a
list repeats its field, e.g. {1: {1: "announcements/3", 6: 2}, 2: {1: ["state"]}}.

Prints OK and exits 0; or prints the status code name and its message on the
first line, then "detail: TEXT" for every text in the google.rpc.Status
details (field names, English and Vietnamese descriptions), and exits 1.
"""
import argparse
import ast
import sys

import grpc


def varint(n):
    if n < 0:
        n += 1 << 64
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode(message):
    out = bytearray()
    for number, value in message.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, (bool, int)):
                out += varint(number << 3) + varint(int(item))
                continue
            if isinstance(item, dict):
                data = encode(item)
            elif isinstance(item, str):
                data = item.encode()
            else:
                data = bytes(item)
            out += varint(number << 3 | 2) + varint(len(data)) + data
    return bytes(out)


def read_varint(data, i):
    n = shift = 0
    while True:
        byte = data[i]
        i += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return n, i


def printable(chunk):
    """The chunk as text when it is UTF-8 without control characters (a
    serialized message has some: its first key is one)."""
    try:
        text = chunk.decode()
    except UnicodeDecodeError:
        return None
    return text if text and all(ord(c) >= 0x20 for c in text) else None


def texts(data):
    """Every string in a serialized message, nested messages searched too."""
    found = []
    i = 0
    try:
        while i < len(data):
            key, i = read_varint(data, i)
            kind = key & 7
            if kind == 0:
                _, i = read_varint(data, i)
            elif kind == 1:
                i += 8
            elif kind == 5:
                i += 4
            elif kind == 2:
                size, i = read_varint(data, i)
                chunk = data[i:i + size]
                i += size
                if len(chunk) != size:
                    raise ValueError("truncated")
                text = printable(chunk)
                if text is not None:
                    found.append(text)
                    continue
                nested = texts(chunk)
                if nested is None:
                    raise ValueError("neither text nor a message")
                found += nested
            else:
                raise ValueError("not a message")
        if i != len(data):
            raise ValueError("truncated")
    except (ValueError, IndexError, UnicodeDecodeError):
        return None
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--token", help="bearer token")
    parser.add_argument("method")
    parser.add_argument("request", help="the request by field number, a Python literal")
    args = parser.parse_args()

    request = encode(ast.literal_eval(args.request))
    channel = grpc.insecure_channel(args.target)
    call = channel.unary_unary(args.method)  # bytes in, bytes out
    metadata = [("authorization", "Bearer " + args.token)] if args.token else None
    try:
        call(request, timeout=10, metadata=metadata)
    except grpc.RpcError as e:
        print(e.code().name, e.details())
        for key, value in e.trailing_metadata() or ():
            if key == "grpc-status-details-bin":
                for text in texts(value) or []:
                    print("detail:", text)
        return 1
    finally:
        channel.close()
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
