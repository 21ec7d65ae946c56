pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk

// The kiosk window: the bar with back and home, the offline banner, the
// pages, the on-screen keyboard, and what happens when nobody touches it.
Controls.ApplicationWindow {
    id: window

    property bool attract: false
    // The tour waits while this holds: a sign-in or report is on its way.
    readonly property bool tourPending: Staff.busy

    width: 1920
    height: 1080
    visible: true
    title: "Sáng Kiến"
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize

    // Back to the start: home page, input cleared, any session ended.
    function goHome() {
        Staff.signOut();
        stack.pop(null);
        window.contentItem.forceActiveFocus();
    }

    // For --tour: every screen, by name, in order.
    function tourScreens(): var {
        return ["home", "plans", "plan", "assignments", "proposals", "proposal", "broadcasts", "broadcastsWeek", "caseStudies", "caseStudy", "announcements", "announcement", "search", "staffSignIn", "staffPin", "staff", "report", "idle", "attract"];
    }

    function showScreen(name: string): bool {
        window.attract = false;
        idle.tourRemaining = 0;
        idle.restart();
        if (name === "report") {
            // On top of the signed-in staff page the tour just showed.
            // Without a session (no staff PIN on this server) the screen stays.
            const staffPage = stack.currentItem as StaffPage;
            staffPage?.openReport(0, "Đã tổ chức 2 buổi tuyên truyền tại nhà văn hóa thôn.");
            return true;
        }
        goHome();
        const firstStaff = Staff.staff.length > 0 ? Staff.staff[0] : ({
                "account": "",
                "name": ""
            });
        const pages = {
            "plans": ["PlanListPage.qml", {}],
            "plan": ["PlanDetailPage.qml", {
                    "plan": Kiosk.firstName("plan")
                }],
            "assignments": ["AssignmentListPage.qml", {}],
            "proposals": ["ProposalListPage.qml", {}],
            "proposal": ["ProposalDetailPage.qml", {
                    "proposal": Kiosk.firstName("proposal")
                }],
            "broadcasts": ["BroadcastPage.qml", {}],
            "broadcastsWeek": ["BroadcastPage.qml", {
                    "days": 7
                }],
            "caseStudies": ["CaseStudyListPage.qml", {}],
            "caseStudy": ["CaseStudyDetailPage.qml", {
                    "caseStudy": Kiosk.firstName("caseStudy")
                }],
            "announcements": ["AnnouncementListPage.qml", {}],
            "announcement": ["AnnouncementDetailPage.qml", {
                    "announcement": Kiosk.firstName("announcement")
                }],
            "search": ["SearchPage.qml", {
                    "query": "ke hoach"
                }],
            "staffSignIn": ["StaffSignInPage.qml", {}],
            "staffPin": ["StaffSignInPage.qml", {
                    "account": firstStaff.account,
                    "accountName": firstStaff.name,
                    "presetPin": "482"
                }],
            "staff": ["StaffSignInPage.qml", {
                    "account": firstStaff.account,
                    "accountName": firstStaff.name,
                    "presetPin": Staff.tourPin
                }]
        };
        if (name === "idle") {
            idle.setRemainingForTour(10);
            return true;
        }
        if (name === "attract") {
            window.attract = true;
            return true;
        }
        if (name === "home")
            return true;
        const page = pages[name];
        if (!page)
            return false;
        stack.push(Qt.resolvedUrl("pages/" + page[0]), page[1]);
        return true;
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["vi_VN", "en_US"];
        VirtualKeyboardSettings.locale = "vi_VN";
    }

    IdleTimer {
        id: idle

        property int tourRemaining: 0

        function setRemainingForTour(seconds: int) {
            tourRemaining = seconds;
        }

        timeout: Kiosk.idleSeconds
        running: !window.attract && !Kiosk.tour
        onRemainingChanged: tourRemaining = 0
        onTimedOut: {
            window.goHome();
            window.attract = true;
        }
    }

    Timer {
        id: clockTimer

        property string text: Kiosk.clockText()

        interval: 10000
        repeat: true
        running: true
        onTriggered: text = Kiosk.clockText()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.bottomMargin: keyboard.visible ? keyboard.height : 0
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            title: (stack.currentItem as Controls.Page)?.title ?? ""
            canGoBack: stack.depth > 1
            clock: clockTimer.text
            onBack: stack.pop()
            onHome: window.goHome()
        }

        OfflineBanner {
            objectName: "offlineBanner"
            Layout.fillWidth: true
            offline: !Kiosk.online
            lastUpdated: Kiosk.lastUpdated
        }

        Controls.StackView {
            id: stack

            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: HomePage {
            }
        }
    }

    InputPanel {
        id: keyboard

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        // Always out on the search page: people there came to type.
        visible: keyboard.active || stack.currentItem?.objectName === "search"
    }

    IdleCountdown {
        anchors.fill: parent
        remaining: idle.tourRemaining > 0 ? idle.tourRemaining : idle.remaining
        onStay: idle.restart()
    }

    AttractLoop {
        anchors.fill: parent
        visible: window.attract
        onDismissed: {
            window.attract = false;
            idle.restart();
        }
    }
}
