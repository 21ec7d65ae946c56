#!/usr/bin/python3
"""One unary call to sangkien-server without generated stubs, for the tools tests.

  grpc_call.py --target HOST:PORT [--ca FILE [--cert FILE --key FILE]] [--token SECRET]
               [--expect TEXT] health|whoami

Prints OK, or the gRPC status code name; exits 0 on OK (and TEXT found in the
response bytes when given), 1 otherwise.
"""
import argparse
import sys

import grpc

METHODS = {
    "health": ("/grpc.health.v1.Health/Check", b""),
    "whoami": ("/sangkien.v1.AccountService/WhoAmI", b""),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--ca", help="PEM file of the CA to trust: call over TLS")
    parser.add_argument("--cert", help="PEM client certificate (with --ca and --key)")
    parser.add_argument("--key", help="PEM key of --cert")
    parser.add_argument("--token", help="bearer token")
    parser.add_argument("--expect", help="text the response must contain")
    parser.add_argument("method", choices=sorted(METHODS))
    args = parser.parse_args()

    if args.ca:
        def read(path):
            if not path:
                return None
            with open(path, "rb") as f:
                return f.read()

        credentials = grpc.ssl_channel_credentials(
            root_certificates=read(args.ca),
            private_key=read(args.key),
            certificate_chain=read(args.cert),
        )
        channel = grpc.secure_channel(args.target, credentials)
    else:
        channel = grpc.insecure_channel(args.target)
    path, request = METHODS[args.method]
    call = channel.unary_unary(path)  # bytes in, bytes out
    metadata = [("authorization", "Bearer " + args.token)] if args.token else None
    try:
        response = call(request, timeout=10, metadata=metadata)
    except grpc.RpcError as e:
        print(e.code().name, e.details())
        return 1
    finally:
        channel.close()
    if args.expect and args.expect.encode() not in response:
        print("OK but the response lacks", repr(args.expect), repr(response))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
