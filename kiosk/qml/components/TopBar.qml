import QtQuick
import QtQuick.Layouts
import Kiosk

// Always on screen: back, home, the page title and the clock.
Rectangle {
    id: root

    property string title: ""
    property bool canGoBack: false
    property string clock: ""

    signal back
    signal home

    implicitHeight: Theme.touchTarget + 24
    color: Theme.primary

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        KioskButton {
            objectName: "backButton"
            text: "‹ " + qsTr("Back")
            enabled: root.canGoBack
            tint: Qt.darker(Theme.primary, 1.35)
            onClicked: root.back()
        }

        KioskButton {
            objectName: "homeButton"
            text: "⌂ " + qsTr("Home")
            tint: Qt.darker(Theme.primary, 1.35)
            onClicked: root.home()
        }

        Text {
            Layout.fillWidth: true
            text: root.title
            elide: Text.ElideRight
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
        }

        Text {
            text: root.clock
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
        }
    }
}
