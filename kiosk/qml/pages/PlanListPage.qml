pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import Kiosk

// The plans the district has published.
Controls.Page {
    id: root

    title: qsTr("Plans")

    background: Rectangle {
        color: Theme.background
    }

    ListView {
        id: list

        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        clip: true
        model: PlanListModel {
        }

        delegate: Card {
            required property string name
            required property string title
            required property string symbol
            required property string issuer
            required property string date
            required property int taskCount

            width: list.width
            overline: symbol + (date.length > 0 ? " · " + date : "")
            text: title
            subtitle: issuer + " · " + qsTr("%n task(s)", "", taskCount)
            onClicked: root.Controls.StackView.view.push(Qt.resolvedUrl("PlanDetailPage.qml"), {
                    "plan": name
                })
        }

        BodyText {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No plans yet.")
        }
    }
}
