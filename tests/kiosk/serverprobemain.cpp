// kiosk_server_probe: what the real server holds, for the kiosk's end-to-end
// test to compare with the kiosk's screens, and one edit to watch arrive.
//   kiosk_server_probe TARGET TOKEN facts
//     prints "unit\t<units/x>", "assignment\t<task title>" for the caller's
//     unit, and "proposal\t<title>\t<dd/MM/yyyy submitted>" for the proposal
//     furthest along, first by name (the one the tour opens)
//   kiosk_server_probe TARGET TOKEN rename-plan TITLE
//     renames the first plan (needs a token that may edit plans)
//   kiosk_server_probe TARGET TOKEN sessions ACCOUNT
//     prints "session\t<token>\t<revoked|open>" for each kiosk session of
//     the account (needs an admin token)
#include <QDateTime>

#include <cstdio>
#include <string>

#include <grpcpp/grpcpp.h>

#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/plan_service.grpc.pb.h"
#include "sangkien/v1/proposal_service.grpc.pb.h"

namespace v1 = sangkien::v1;

namespace
{
std::string g_token;

std::unique_ptr<grpc::ClientContext> context()
{
    auto c = std::make_unique<grpc::ClientContext>();
    c->AddMetadata("authorization", "Bearer " + g_token);
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    return c;
}

int fail(const char *what, const grpc::Status &status)
{
    std::fprintf(stderr, "%s: %d %s\n", what, int(status.error_code()), status.error_message().c_str());
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: kiosk_server_probe TARGET TOKEN facts|rename-plan TITLE\n");
        return 2;
    }
    g_token = argv[2];
    const std::string command = argv[3];
    auto channel = grpc::CreateChannel(argv[1], grpc::InsecureChannelCredentials());
    auto plans = v1::PlanService::NewStub(channel);

    if (command == "rename-plan" && argc >= 5) {
        v1::ListPlansResponse list;
        if (auto s = plans->ListPlans(context().get(), v1::ListPlansRequest(), &list); !s.ok()) {
            return fail("ListPlans", s);
        }
        if (list.plans().empty()) {
            return 1;
        }
        v1::UpdatePlanRequest request;
        request.mutable_plan()->set_name(list.plans(0).name());
        request.mutable_plan()->set_etag(list.plans(0).etag());
        request.mutable_plan()->set_title(argv[4]);
        request.mutable_update_mask()->add_paths("title");
        v1::Plan updated;
        if (auto s = plans->UpdatePlan(context().get(), request, &updated); !s.ok()) {
            return fail("UpdatePlan", s);
        }
        std::printf("plan\t%s\n", updated.title().c_str());
        return 0;
    }
    if (command == "sessions" && argc >= 5) {
        v1::ListTokensRequest request;
        request.set_parent(argv[4]);
        request.set_page_size(500);
        v1::ListTokensResponse tokens;
        if (auto s = v1::AccountService::NewStub(channel)->ListTokens(context().get(), request, &tokens); !s.ok()) {
            return fail("ListTokens", s);
        }
        for (const auto &t : tokens.tokens()) {
            if (t.display_name().rfind("Phiên kiosk", 0) == 0) {
                std::printf("session\t%s\t%s\n", t.name().c_str(), t.has_revoke_time() ? "revoked" : "open");
            }
        }
        return 0;
    }
    if (command != "facts") {
        return 2;
    }

    v1::WhoAmIResponse who;
    if (auto s = v1::AccountService::NewStub(channel)->WhoAmI(context().get(), v1::WhoAmIRequest(), &who); !s.ok()) {
        return fail("WhoAmI", s);
    }
    const std::string unit = who.account().unit();
    std::printf("unit\t%s\n", unit.c_str());

    v1::ListAssignmentsRequest request;
    request.set_parent("plans/-");
    request.set_page_size(500);
    for (;;) {
        v1::ListAssignmentsResponse page;
        if (auto s = plans->ListAssignments(context().get(), request, &page); !s.ok()) {
            return fail("ListAssignments", s);
        }
        for (const auto &a : page.assignments()) {
            if (a.unit() == unit) {
                std::printf("assignment\t%s\n", a.task_title().c_str());
            }
        }
        if (page.next_page_token().empty()) {
            break;
        }
        request.set_page_token(page.next_page_token());
    }

    v1::ListProposalsRequest proposalsRequest;
    proposalsRequest.set_page_size(100);
    v1::ListProposalsResponse proposals;
    if (auto s = v1::ProposalService::NewStub(channel)->ListProposals(context().get(), proposalsRequest, &proposals); !s.ok()) {
        return fail("ListProposals", s);
    }
    const v1::Proposal *best = nullptr;
    for (const auto &p : proposals.proposals()) {
        if (!best || p.state() > best->state() || (p.state() == best->state() && p.name() < best->name())) {
            best = &p;
        }
    }
    if (best) {
        const QDateTime submitted = QDateTime::fromSecsSinceEpoch(best->submit_time().seconds(), Qt::UTC).toOffsetFromUtc(7 * 3600);
        std::printf("proposal\t%s\t%s\n", best->title().c_str(), best->has_submit_time() ? qPrintable(submitted.toString(QStringLiteral("dd/MM/yyyy"))) : "");
    }
    return 0;
}
