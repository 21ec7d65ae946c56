pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import Kiosk

// Large tiles for every part of the kiosk, what airs now and next, a
// featured case study and how current the data is.
Controls.Page {
    id: root

    readonly property var airing: Kiosk.revision >= 0 && clock.tick >= 0 ? Kiosk.nowAndNext() : ({})
    readonly property var featured: Kiosk.revision >= 0 ? Kiosk.featuredCaseStudy() : ({})

    objectName: "home"
    title: Kiosk.communeName.length > 0 ? Kiosk.communeName : qsTr("Innovation in public service")

    function open(page: string, properties: var) {
        root.Controls.StackView.view.push(Qt.resolvedUrl(page), properties ?? {});
    }

    background: Rectangle {
        color: Theme.background
    }

    Timer {
        id: clock

        property int tick: 0

        interval: 30000
        repeat: true
        running: true
        onTriggered: tick++
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        GridLayout {
            Layout.fillWidth: true
            columns: 4
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing

            Tile {
                Layout.fillWidth: true
                text: qsTr("Plans")
                symbol: "☰"
                onClicked: root.open("PlanListPage.qml")
            }
            Tile {
                Layout.fillWidth: true
                text: qsTr("Commune tasks")
                symbol: "✔"
                onClicked: root.open("AssignmentListPage.qml")
            }
            Tile {
                Layout.fillWidth: true
                text: qsTr("Initiatives")
                symbol: "✦"
                onClicked: root.open("ProposalListPage.qml")
            }
            Tile {
                Layout.fillWidth: true
                text: qsTr("Broadcast schedule")
                symbol: "📻"
                onClicked: root.open("BroadcastPage.qml")
            }
            Tile {
                Layout.fillWidth: true
                text: qsTr("Model practices")
                symbol: "★"
                onClicked: root.open("CaseStudyListPage.qml")
            }
            Tile {
                Layout.fillWidth: true
                text: qsTr("Announcements")
                symbol: "✉"
                onClicked: root.open("AnnouncementListPage.qml")
            }
            Tile {
                Layout.fillWidth: true
                text: qsTr("Search")
                symbol: "🔍"
                onClicked: root.open("SearchPage.qml")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                overline: qsTr("On air now")
                text: root.airing.now ? root.airing.now.start + "–" + root.airing.now.end + "  " + root.airing.now.title : qsTr("Nothing on air right now")
                subtitle: root.airing.now ? root.airing.now.station : ""
                body: root.airing.next ? qsTr("Next: %1 %2 (%3)").arg(root.airing.next.start).arg(root.airing.next.title).arg(root.airing.next.station) : ""
                onClicked: root.open("BroadcastPage.qml")
            }

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: root.featured.name !== undefined
                overline: qsTr("Featured model")
                text: root.featured.title ?? ""
                subtitle: root.featured.unit ?? ""
                body: root.featured.summary ?? ""
                onClicked: root.open("CaseStudyDetailPage.qml", {
                        "caseStudy": root.featured.name
                    })
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            BodyText {
                Layout.fillWidth: true
                objectName: "lastUpdated"
                text: Kiosk.lastUpdated.length > 0 ? qsTr("Data updated at %1").arg(Kiosk.lastUpdated) : qsTr("Waiting for the first update")
                color: Theme.mutedText
            }

            KioskButton {
                objectName: "staffButton"
                text: qsTr("Staff sign-in")
                tint: Theme.accent
                onClicked: root.open("StaffSignInPage.qml")
            }

            KioskButton {
                objectName: "languageButton"
                text: Kiosk.language === "vi" ? "English" : "Tiếng Việt"
                onClicked: Kiosk.language = Kiosk.language === "vi" ? "en" : "vi"
            }
        }
    }
}
