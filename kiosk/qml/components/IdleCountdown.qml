import QtQuick
import Kiosk

// The last seconds before the kiosk returns home, with a way to stay.
Rectangle {
    id: root

    property int remaining: 0
    property int showFrom: 15

    signal stay

    visible: root.remaining > 0 && root.remaining <= root.showFrom
    color: "#cc000000"

    MouseArea {
        anchors.fill: parent
        onClicked: root.stay()
    }

    Column {
        anchors.centerIn: parent
        spacing: Theme.spacing * 2

        Text {
            objectName: "countdownText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Returning to the home screen in %n second(s)", "", root.remaining)
            color: "#ffffff"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
        }

        KioskButton {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Continue")
            onClicked: root.stay()
        }
    }
}
