pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls as Controls
import QtQuick.Layouts
import Kiosk

// The loudspeaker and radio schedule: today or this week, what is on air
// now marked.
Controls.Page {
    id: root

    property int days: 1

    title: qsTr("Broadcast schedule")

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing

            KioskButton {
                text: qsTr("Today")
                checkable: true
                checked: root.days === 1
                onClicked: root.days = 1
            }

            KioskButton {
                text: qsTr("This week")
                checkable: true
                checked: root.days === 7
                onClicked: root.days = 7
            }
        }

        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            clip: true
            model: AiringListModel {
                days: root.days
            }

            delegate: Card {
                required property string title
                required property string topic
                required property string station
                required property string start
                required property string end
                required property string day
                required property bool onAir
                required property string note

                width: list.width
                badge: onAir ? qsTr("On air") : ""
                badgeColor: Theme.success
                overline: day + " · " + start + "–" + end
                text: title
                subtitle: station + (topic.length > 0 ? " · " + topic : "")
                body: note
            }

            BodyText {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No broadcasts scheduled.")
            }
        }
    }
}
