pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import Kiosk

// Search everything in the kiosk as you type; marks are optional ("ke
// hoach" finds "kế hoạch"). Works on the cache, so also offline.
Controls.Page {
    id: root

    property alias query: field.text

    objectName: "search"
    title: qsTr("Search")
    Controls.StackView.onActivated: field.forceActiveFocus()

    function openResult(row: var) {
        const view = root.Controls.StackView.view;
        if (row.kind === "plan" || row.kind === "task")
            view.push(Qt.resolvedUrl("PlanDetailPage.qml"), {
                    "plan": row.plan
                });
        else if (row.kind === "proposal")
            view.push(Qt.resolvedUrl("ProposalDetailPage.qml"), {
                    "proposal": row.name
                });
        else if (row.kind === "caseStudy")
            view.push(Qt.resolvedUrl("CaseStudyDetailPage.qml"), {
                    "caseStudy": row.name
                });
        else if (row.kind === "announcement")
            view.push(Qt.resolvedUrl("AnnouncementDetailPage.qml"), {
                    "announcement": row.name
                });
    }

    function kindText(kind: string): string {
        switch (kind) {
        case "plan":
            return qsTr("Plan");
        case "task":
            return qsTr("Task");
        case "proposal":
            return qsTr("Initiative");
        case "caseStudy":
            return qsTr("Model practice");
        case "announcement":
            return qsTr("Announcement");
        }
        return "";
    }

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Controls.TextField {
            id: field

            objectName: "searchField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            placeholderText: qsTr("Type a word, e.g. thu tuc")
            inputMethodHints: Qt.ImhNoPredictiveText
            focus: true
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            clip: true
            model: SearchModel {
                query: field.text
            }

            delegate: Card {
                required property int index
                required property string kind
                required property string title
                required property string detail

                width: list.width
                overline: root.kindText(kind)
                text: title
                subtitle: detail
                onClicked: root.openResult(list.model.get(index))
            }

            BodyText {
                anchors.centerIn: parent
                visible: list.count === 0 && field.text.length > 0
                text: qsTr("Nothing found.")
            }
        }
    }
}
