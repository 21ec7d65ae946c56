// Every list model under QAbstractItemModelTester, created before any data
// arrives, then filled from the cache.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "catalog.h"
#include "fakesyncserver.h"
#include "format.h"
#include "google/type/date.pb.h"
#include "listmodels.h"
#include "localstore.h"
#include "protoconv.h"
#include "sangkien/v1/publicity.pb.h"
#include "sangkien/v1/task.pb.h"

namespace v1 = sangkien::v1;

namespace
{
// Every structural signal a list model can send, counted.
struct ModelSignals {
    explicit ModelSignals(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , changed(model, &QAbstractItemModel::dataChanged)
    { }
    int structural() const { return int(reset.count() + inserted.count() + removed.count() + moved.count() + layout.count()); }
    void clear()
    {
        for (QSignalSpy *spy : {&reset, &inserted, &removed, &moved, &layout, &changed}) {
            spy->clear();
        }
    }
    QSignalSpy reset, inserted, removed, moved, layout, changed;
};

QStringList titles(const CacheListModel &model)
{
    QStringList out;
    for (int i = 0; i < model.count(); ++i) {
        out << model.get(i).value(QStringLiteral("title")).toString();
    }
    return out;
}
} // namespace

class ModelsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<LocalStore>(":memory:");
        m_catalog = std::make_unique<Catalog>(m_store.get());
        m_catalog->setFixedNow(QDateTime(QDate(2022, 9, 20), QTime(3, 0), Qt::UTC));
    }

    void cleanup()
    {
        m_catalog.reset();
        m_store.reset();
    }

    void everyModelPassesTheTesterAsDataArrives()
    {
        PlanListModel plans(m_catalog.get(), nullptr);
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        AssignmentListModel assignments(m_catalog.get(), nullptr);
        ProposalListModel proposals(m_catalog.get(), nullptr);
        AiringListModel airings(m_catalog.get(), nullptr);
        CaseStudyListModel studies(m_catalog.get(), nullptr);
        AnnouncementListModel announcements(m_catalog.get(), nullptr);
        SearchModel search(m_catalog.get(), nullptr);
        search.setQuery(QStringLiteral("ra soat"));
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (QAbstractItemModel *m :
            std::initializer_list<QAbstractItemModel *>{&plans, &tasks, &assignments, &proposals, &airings, &studies, &announcements, &search}) {
            QCOMPARE(m->rowCount(), 0);
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        }

        fill();
        QCOMPARE(plans.rowCount(), 1);
        QCOMPARE(plans.data(plans.index(0), Qt::UserRole + 2).toString(), QStringLiteral("Kế hoạch cải cách hành chính"));
        QCOMPARE(tasks.rowCount(), 2);
        QCOMPARE(tasks.get(0).value(QStringLiteral("title")).toString(), QStringLiteral("Rà soát thủ tục hành chính"));
        QCOMPARE(tasks.get(0).value(QStringLiteral("timeframe")).toString(), QStringLiteral("Quý III/2022"));
        QCOMPARE(tasks.get(1).value(QStringLiteral("timeframe")).toString(), QStringLiteral("Thường xuyên; báo cáo trước 30/11 hằng năm"));
        QCOMPARE(proposals.rowCount(), 1);
        QCOMPARE(studies.rowCount(), 1);
        QCOMPARE(announcements.rowCount(), 1);
        QCOMPARE(airings.rowCount(), 1);
        QCOMPARE(search.rowCount(), 1);
        QCOMPARE(search.get(0).value(QStringLiteral("kind")).toString(), QStringLiteral("task"));

        // A tombstone removes the row.
        m_store->apply({tombstone("plans/1/tasks/2")}, "9", 0);
        m_catalog->onChangesApplied(1);
        QCOMPARE(tasks.rowCount(), 1);
    }

    void anUnrelatedChangeLeavesAnOpenListAlone()
    {
        fill();
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        QAbstractItemModelTester tester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignals spy(&tasks);
        // A resource of another kind, and a task of another plan.
        v1::Change announcement;
        announcement.set_name("announcements/2");
        announcement.mutable_announcement()->set_name("announcements/2");
        announcement.mutable_announcement()->set_title("Thông báo mới");
        m_store->apply({announcement, taskChange("plans/2/tasks/1", "Việc của kế hoạch khác", 1, "Năm 2022")}, "10", 0);
        m_catalog->onChangesApplied(2);
        QCOMPARE(spy.structural(), 0);
        QCOMPARE(spy.changed.count(), 0);
        QCOMPARE(titles(tasks), (QStringList{QStringLiteral("Rà soát thủ tục hành chính"), QStringLiteral("Báo cáo định kỳ")}));
    }

    void aChangedRowSendsDataChangedForThatRowOnly()
    {
        fill();
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        QAbstractItemModelTester tester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignals spy(&tasks);
        m_store->apply({taskChange("plans/1/tasks/2", "Báo cáo định kỳ sáu tháng", 2, "Thường xuyên; báo cáo trước 30/11 hằng năm")}, "10", 0);
        m_catalog->onChangesApplied(1);
        QCOMPARE(spy.structural(), 0);
        QCOMPARE(spy.changed.count(), 1);
        const QList<QVariant> args = spy.changed.takeFirst();
        QCOMPARE(args.at(0).toModelIndex().row(), 1);
        QCOMPARE(args.at(1).toModelIndex().row(), 1);
        const int titleRole = tasks.roleNames().key("title");
        QCOMPARE(args.at(2).value<QList<int>>(), QList<int>{titleRole});
        QCOMPARE(tasks.data(tasks.index(1), titleRole).toString(), QStringLiteral("Báo cáo định kỳ sáu tháng"));
    }

    void anInsertedOrRemovedRowIsExactlyThat()
    {
        fill();
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        QAbstractItemModelTester tester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignals spy(&tasks);
        QSignalSpy count(&tasks, &CacheListModel::countChanged);

        // Between the two tasks: at the first one's position, after it by name.
        m_store->apply({taskChange("plans/1/tasks/3", "Tập huấn cán bộ", 1, "Quý IV/2022")}, "10", 0);
        m_catalog->onChangesApplied(1);
        QCOMPARE(spy.inserted.count(), 1);
        QCOMPARE(spy.inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(spy.inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(spy.reset.count() + spy.removed.count() + spy.moved.count() + spy.layout.count(), 0);
        QCOMPARE(spy.changed.count(), 0);
        QCOMPARE(count.count(), 1);
        QCOMPARE(
            titles(tasks), (QStringList{QStringLiteral("Rà soát thủ tục hành chính"), QStringLiteral("Tập huấn cán bộ"), QStringLiteral("Báo cáo định kỳ")}));

        spy.clear();
        m_store->apply({tombstone("plans/1/tasks/1")}, "12", 0);
        m_catalog->onChangesApplied(1);
        QCOMPARE(spy.removed.count(), 1);
        QCOMPARE(spy.removed.at(0).at(1).toInt(), 0);
        QCOMPARE(spy.removed.at(0).at(2).toInt(), 0);
        QCOMPARE(spy.reset.count() + spy.inserted.count() + spy.moved.count() + spy.layout.count() + spy.changed.count(), 0);
        QCOMPARE(titles(tasks), (QStringList{QStringLiteral("Tập huấn cán bộ"), QStringLiteral("Báo cáo định kỳ")}));
    }

    void aReorderedRowMovesWithoutAReset()
    {
        fill();
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        QAbstractItemModelTester tester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignals spy(&tasks);
        m_store->apply({taskChange("plans/1/tasks/2", "Báo cáo định kỳ", 0, "Thường xuyên; báo cáo trước 30/11 hằng năm")}, "10", 0);
        m_catalog->onChangesApplied(1);
        QCOMPARE(spy.moved.count(), 1);
        QCOMPARE(spy.reset.count() + spy.inserted.count() + spy.removed.count(), 0);
        QCOMPARE(titles(tasks), (QStringList{QStringLiteral("Báo cáo định kỳ"), QStringLiteral("Rà soát thủ tục hành chính")}));
    }

    void aRevisionMatchesABuildFromScratch()
    {
        // Several changes at once, in every list: the rows after the diff
        // are those a fresh model builds.
        fill();
        PlanListModel plans(m_catalog.get(), nullptr);
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        AiringListModel airings(m_catalog.get(), nullptr);
        airings.setDays(3);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{&plans, &tasks, &airings}) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        std::vector<v1::Change> changes = {planChange("plans/0", "Kế hoạch chuyển đổi số"), tombstone("plans/1/tasks/1"),
            taskChange("plans/1/tasks/4", "Kiểm tra", 0, "Quý IV/2022"), taskChange("plans/1/tasks/5", "Tổng kết", 9, "Năm 2022")};
        v1::Change broadcast;
        broadcast.set_name("broadcasts/2");
        auto *b = broadcast.mutable_broadcast();
        b->set_name("broadcasts/2");
        b->set_title("Bản tin chiều");
        b->mutable_start_time()->set_seconds(QDateTime(QDate(2022, 9, 1), QTime(10, 0), Qt::UTC).toSecsSinceEpoch()); // 17:00 in Vietnam
        b->mutable_duration()->set_seconds(1800);
        b->set_rrule("FREQ=DAILY");
        changes.push_back(broadcast);
        m_store->apply(changes, "10", 0);
        m_catalog->onChangesApplied(int(changes.size()));

        PlanListModel freshPlans(m_catalog.get(), nullptr);
        TaskListModel freshTasks(m_catalog.get(), nullptr);
        freshTasks.setPlan(QStringLiteral("plans/1"));
        AiringListModel freshAirings(m_catalog.get(), nullptr);
        freshAirings.setDays(3);
        QCOMPARE(plans.count(), 2);
        QCOMPARE(tasks.count(), 3);
        QCOMPARE(airings.count(), 6);
        for (const auto &[live, fresh] :
            std::initializer_list<std::pair<CacheListModel *, CacheListModel *>>{{&plans, &freshPlans}, {&tasks, &freshTasks}, {&airings, &freshAirings}}) {
            QCOMPARE(live->count(), fresh->count());
            for (int i = 0; i < live->count(); ++i) {
                QCOMPARE(live->get(i), fresh->get(i));
            }
        }
    }

    void aNewFilterOrCommuneResets()
    {
        fill();
        TaskListModel tasks(m_catalog.get(), nullptr);
        tasks.setPlan(QStringLiteral("plans/1"));
        ModelSignals taskSpy(&tasks);
        tasks.setPlan(QStringLiteral("plans/2"));
        QCOMPARE(taskSpy.reset.count(), 1);
        QCOMPARE(tasks.count(), 0);

        AssignmentListModel assignments(m_catalog.get(), nullptr);
        ModelSignals assignmentSpy(&assignments);
        m_catalog->setCommune(QStringLiteral("units/10"));
        QCOMPARE(assignmentSpy.reset.count(), 1);
        QCOMPARE(assignmentSpy.inserted.count() + assignmentSpy.removed.count(), 0);
    }

    void assignmentsOfTheCommuneLateFirst()
    {
        m_catalog->setCommune(QStringLiteral("units/10"));
        AssignmentListModel model(m_catalog.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_store->apply({assignmentChange("plans/1/tasks/1/assignments/a", "units/10", "Phối hợp tuyên truyền", false, false),
                           assignmentChange("plans/1/tasks/2/assignments/b", "units/10", "Báo cáo kết quả", true, true),
                           assignmentChange("plans/1/tasks/2/assignments/c", "units/11", "Xã khác", true, true),
                           assignmentChange("plans/1/tasks/3/assignments/d", "units/10", "Chủ trì rà soát", false, true)},
            "4", 0);
        m_catalog->onChangesApplied(4);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.get(0).value(QStringLiteral("taskTitle")).toString(), QStringLiteral("Báo cáo kết quả"));
        QVERIFY(model.get(0).value(QStringLiteral("overdue")).toBool());
        QCOMPARE(model.get(1).value(QStringLiteral("taskTitle")).toString(), QStringLiteral("Chủ trì rà soát"));
        QVERIFY(model.get(1).value(QStringLiteral("dueSoon")).toBool());
        QCOMPARE(model.get(1).value(QStringLiteral("due")).toString(), QStringLiteral("30/09/2022"));
        QCOMPARE(model.get(2).value(QStringLiteral("lead")).toBool(), false);
    }

    void searchFoldsMarksAndDStroke()
    {
        SearchModel model(m_catalog.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill();
        model.setQuery(QStringLiteral("dot pha"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.get(0).value(QStringLiteral("kind")).toString(), QStringLiteral("proposal"));
        model.setQuery(QStringLiteral("KẾ HOẠCH"));
        QCOMPARE(model.rowCount(), 1);
        model.setQuery(QStringLiteral("khong co gi"));
        QCOMPARE(model.rowCount(), 0);
    }

    void proposalTimelineFromItsRecords()
    {
        fill();
        const QVariantMap detail = m_catalog->proposal(QStringLiteral("proposals/1"));
        const QVariantList steps = detail.value(QStringLiteral("steps")).toList();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps[0].toMap().value(QStringLiteral("date")).toString(), QStringLiteral("05/07/2022"));
        QCOMPARE(steps[1].toMap().value(QStringLiteral("date")).toString(), QStringLiteral("20/07/2022"));
    }

    void datesAndTimeframesAsPeopleWriteThem()
    {
        QCOMPARE(Format::date(2022, 9, 30), QStringLiteral("30/09/2022"));
        QCOMPARE(Format::date(2022, 9, 0), QStringLiteral("09/2022"));
        QCOMPARE(Format::date(2022, 0, 0), QStringLiteral("2022"));
        // Vietnam's clock: 23:05 UTC is 06:05 the next day.
        QCOMPARE(Format::dateTime(QDateTime(QDate(2022, 9, 29), QTime(23, 5), Qt::UTC)), QStringLiteral("06:05 30/09/2022"));
        sangkien::v1::Timeframe timeframe;
        timeframe.set_original_text("Thường xuyên; định kỳ hàng năm báo cáo trước ngày 30/11");
        QCOMPARE(timeframeText(timeframe), QStringLiteral("Thường xuyên; định kỳ hàng năm báo cáo trước ngày 30/11"));
        timeframe.set_display_text("Thường xuyên; báo cáo trước 30/11 hằng năm");
        QCOMPARE(timeframeText(timeframe), QStringLiteral("Thường xuyên; báo cáo trước 30/11 hằng năm"));
        google::type::Date unset;
        QCOMPARE(dateText(unset), QString());
    }

private:
    void fill()
    {
        std::vector<v1::Change> changes = {planChange("plans/1", "Kế hoạch cải cách hành chính"),
            taskChange("plans/1/tasks/2", "Báo cáo định kỳ", 2, "Thường xuyên; báo cáo trước 30/11 hằng năm"),
            taskChange("plans/1/tasks/1", "Rà soát thủ tục hành chính", 1, "Quý III/2022")};
        v1::Change proposal;
        proposal.set_name("proposals/1");
        proposal.mutable_proposal()->set_name("proposals/1");
        proposal.mutable_proposal()->set_title("Đột phá một cửa");
        proposal.mutable_proposal()->set_state(v1::PROPOSAL_STATE_APPROVED);
        proposal.mutable_proposal()->mutable_submit_time()->set_seconds(QDateTime(QDate(2022, 7, 5), QTime(2, 0), Qt::UTC).toSecsSinceEpoch());
        auto *decision = proposal.mutable_proposal()->mutable_decision();
        decision->mutable_meeting_date()->set_year(2022);
        decision->mutable_meeting_date()->set_month(7);
        decision->mutable_meeting_date()->set_day(20);
        decision->set_result(v1::PROPOSAL_STATE_APPROVED);
        changes.push_back(proposal);
        v1::Change study;
        study.set_name("caseStudies/1");
        study.mutable_case_study()->set_name("caseStudies/1");
        study.mutable_case_study()->set_title("Mô hình một cửa thân thiện");
        study.mutable_case_study()->set_featured(true);
        changes.push_back(study);
        v1::Change announcement;
        announcement.set_name("announcements/1");
        announcement.mutable_announcement()->set_name("announcements/1");
        announcement.mutable_announcement()->set_title("Lịch tiếp công dân");
        changes.push_back(announcement);
        v1::Change broadcast;
        broadcast.set_name("broadcasts/1");
        auto *b = broadcast.mutable_broadcast();
        b->set_name("broadcasts/1");
        b->set_title("Bản tin sáng");
        b->mutable_start_time()->set_seconds(QDateTime(QDate(2022, 9, 1), QTime(23, 30), Qt::UTC).toSecsSinceEpoch()); // 06:30 in Vietnam
        b->mutable_duration()->set_seconds(1800);
        b->set_rrule("FREQ=DAILY");
        changes.push_back(broadcast);
        m_store->apply(changes, "8", 1);
        m_catalog->onChangesApplied(int(changes.size()));
    }

    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Catalog> m_catalog;
};

QTEST_MAIN(ModelsTest)
#include "modelstest.moc"
