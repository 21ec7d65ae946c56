#!/usr/bin/python3
"""Lists what one commune has been assigned, across every plan.

    /usr/bin/python3 docs/examples/list_assignments.py \\
        --stubs /tmp/sangkien-stubs --server 127.0.0.1:50051 --unit "UBND xã Hòa Bình"

Prints one line per assignment (task number, role, next due date, whether it
is late, task title) and a summary. See docs/examples/README.md for how to
generate the stubs, and docs/API.md for the API this uses.

The example shows the three things every client of the API needs: paging
through a List to the end, filtering, and turning an error's
grpc-status-details-bin trailer into something a person can act on.
"""

import argparse
import os
import sys
import unicodedata

STUBS_ENV = "SANGKIEN_PY_STUBS"

# Every call gets a deadline: without one a call to an unreachable server
# on a bad link waits forever.
DEFAULT_TIMEOUT_SECONDS = 10.0

# The server allows up to 500 per page; 100 keeps each reply small on a
# mobile link while needing few round trips.
PAGE_SIZE = 100

ROLE_LABELS = {
    1: "chủ trì",   # ASSIGNMENT_ROLE_LEAD
    2: "phối hợp",  # ASSIGNMENT_ROLE_COORDINATE
}


def parse_args():
    parser = argparse.ArgumentParser(
        description="List a commune's assignments across all plans.")
    parser.add_argument("--server", default="127.0.0.1:50051",
                        help="host:port of sangkien-server (default %(default)s)")
    parser.add_argument("--unit", default="UBND xã Hòa Bình",
                        help="the unit's display name, short name or an alias "
                             "(default %(default)s)")
    parser.add_argument("--stubs", default=os.environ.get(STUBS_ENV),
                        help="directory holding the generated Python stubs "
                             "(default: $%s)" % STUBS_ENV)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_SECONDS,
                        help="seconds allowed for each call (default %(default)s)")
    return parser.parse_args()


def import_stubs(stubs_dir):
    """Imports the generated modules from `stubs_dir`.

    The stubs are generated, never committed, so they can't drift from the
    protos; the caller says where they are.
    """
    if not stubs_dir:
        sys.exit("No stubs: pass --stubs DIR or set %s (see docs/examples/README.md)."
                 % STUBS_ENV)
    if not os.path.isdir(os.path.join(stubs_dir, "sangkien", "v1")):
        sys.exit("%s has no sangkien/v1 stubs (see docs/examples/README.md)." % stubs_dir)
    # The generated google/rpc and google/type modules join Debian's
    # `google` namespace package (which holds google.protobuf) only because
    # neither side has an __init__.py; putting the directory first is enough.
    sys.path.insert(0, os.path.abspath(stubs_dir))
    global grpc, directory_service_pb2, directory_service_pb2_grpc
    global plan_service_pb2, plan_service_pb2_grpc, status_pb2, error_details_pb2
    import grpc
    from sangkien.v1 import directory_service_pb2, directory_service_pb2_grpc
    from sangkien.v1 import plan_service_pb2, plan_service_pb2_grpc
    from google.rpc import status_pb2, error_details_pb2


def describe_error(error, server):
    """A person-readable account of a failed call, from its rich details."""
    lines = ["Lỗi gọi máy chủ %s: %s: %s" % (server, error.code().name, error.details())]
    if error.code() == grpc.StatusCode.UNAVAILABLE:
        lines.append("  Không kết nối được máy chủ: kiểm tra địa chỉ --server và máy chủ "
                     "đã chạy chưa (server unreachable).")
    elif error.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
        lines.append("  Máy chủ không trả lời kịp (try a larger --timeout).")

    # The server packs a google.rpc.Status into this binary trailer: the
    # status code, the English message and typed details.
    raw = None
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            raw = value
    if raw is None:
        return "\n".join(lines)
    status = status_pb2.Status.FromString(raw)
    reason, message_vi, violations = None, None, []
    for detail in status.details:
        # Each detail is a google.protobuf.Any; unpack the kinds the API
        # documents and skip the rest, as new kinds may be added.
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = "%s (%s)" % (info.reason, info.domain)
        elif detail.Is(error_details_pb2.LocalizedMessage.DESCRIPTOR):
            localized = error_details_pb2.LocalizedMessage()
            detail.Unpack(localized)
            if localized.locale == "vi-VN":
                message_vi = localized.message
        elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            violations.extend(bad.field_violations)
    if message_vi:
        lines.append("  %s" % message_vi)
    if reason:
        # Programs should branch on this stable reason, never on message text.
        lines.append("  reason: %s" % reason)
    for violation in violations:
        lines.append("  field %s: %s" % (violation.field, violation.description))
    return "\n".join(lines)


def fold(text):
    # Names typed on a keyboard may be decomposed (NFD) or differ in case;
    # the server stores NFC.
    return unicodedata.normalize("NFC", text).casefold().strip()


def find_unit(directory, wanted, timeout):
    """The unit whose display name, short name or alias is `wanted`.

    ListUnits has no name filter, so read every page: a page is not the whole
    directory, and the last page is the one with an empty next_page_token.
    """
    target = fold(wanted)
    request = directory_service_pb2.ListUnitsRequest(page_size=PAGE_SIZE)
    names_seen = []
    while True:
        response = directory.ListUnits(request, timeout=timeout)
        for unit in response.units:
            names_seen.append(unit.display_name)
            candidates = [unit.display_name, unit.short_name] + list(unit.aliases)
            if any(c and fold(c) == target for c in candidates):
                return unit, names_seen
        if not response.next_page_token:
            return None, names_seen
        request.page_token = response.next_page_token


def list_assignments(plans, unit_name, timeout):
    """Every assignment of `unit_name` in every plan, soonest due first."""
    request = plan_service_pb2.ListAssignmentsRequest(
        # `plans/-` reads across all plans instead of one.
        parent="plans/-",
        # Filter values that contain "/" must be quoted (see the grammar in
        # docs/API.md).
        filter='unit = "%s"' % unit_name,
        page_size=PAGE_SIZE,
    )
    assignments = []
    while True:
        response = plans.ListAssignments(request, timeout=timeout)
        assignments.extend(response.assignments)
        if not response.next_page_token:
            return assignments
        # The token is only valid with the same filter and order_by, which
        # reusing the request guarantees.
        request.page_token = response.next_page_token


def format_date(date):
    # An unset google.type.Date is all zeros: nothing is due.
    if date.year == 0:
        return "—"
    return "%02d/%02d/%04d" % (date.day, date.month, date.year)


def print_assignments(unit, assignments):
    print("Đơn vị: %s (%s)" % (unit.display_name, unit.name))
    if not assignments:
        print("Không có nhiệm vụ nào được giao.")
        return
    print("%-8s  %-9s  %-10s  %-8s  %s" % ("Nhiệm vụ", "Vai trò", "Hạn tới", "", "Nội dung"))
    for a in assignments:
        print("%-8s  %-9s  %-10s  %-8s  %s" % (
            a.task_number or "—",
            ROLE_LABELS.get(a.role, "?"),
            format_date(a.next_due_date),
            "QUÁ HẠN" if a.overdue else "",
            a.task_title))
    leads = sum(1 for a in assignments if a.role == 1)
    overdue = sum(1 for a in assignments if a.overdue)
    print("Tổng cộng: %d nhiệm vụ (%d chủ trì, %d phối hợp), %d quá hạn." % (
        len(assignments), leads, len(assignments) - leads, overdue))


def main():
    args = parse_args()
    import_stubs(args.stubs)

    # Plaintext is what the server offers on loopback; a deployment with TLS
    # would use grpc.secure_channel with grpc.ssl_channel_credentials().
    with grpc.insecure_channel(args.server) as channel:
        directory = directory_service_pb2_grpc.DirectoryServiceStub(channel)
        plans = plan_service_pb2_grpc.PlanServiceStub(channel)
        try:
            unit, names_seen = find_unit(directory, args.unit, args.timeout)
            if unit is None:
                print("Không tìm thấy đơn vị \"%s\". Các đơn vị có: %s"
                      % (args.unit, "; ".join(names_seen)), file=sys.stderr)
                return 1
            assignments = list_assignments(plans, unit.name, args.timeout)
        except grpc.RpcError as error:
            print(describe_error(error, args.server), file=sys.stderr)
            return 2
    print_assignments(unit, assignments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
