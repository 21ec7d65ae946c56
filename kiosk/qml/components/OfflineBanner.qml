import QtQuick
import Kiosk

// Shown while the server is unreachable: the screens keep working from the
// cache, and say how old it is.
Rectangle {
    id: root

    property bool offline: false
    property string lastUpdated: ""

    visible: root.offline
    implicitHeight: root.offline ? bannerText.implicitHeight + 24 : 0
    color: Theme.warning

    Text {
        id: bannerText

        anchors.fill: parent
        anchors.margins: 12
        anchors.leftMargin: Theme.margin
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodySize
        color: Theme.warningText
        text: root.lastUpdated.length > 0 ? qsTr("Offline: showing saved data from %1.").arg(root.lastUpdated) : qsTr("Offline: no data has been received yet.")
    }
}
