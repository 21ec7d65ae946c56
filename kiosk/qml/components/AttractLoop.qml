pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// While nobody uses the kiosk: today's broadcasts and the featured case
// studies, one after another. Any touch ends it.
Rectangle {
    id: root

    property int slide: 0
    readonly property int slideCount: airings.count + featured.length + 1
    readonly property var featured: {
        const list = [];
        for (let i = 0; i < studies.count; ++i) {
            const row = studies.get(i);
            if (row.featured)
                list.push(row);
        }
        return list;
    }

    // Hides everything under it (the tour's text dump skips what is covered).
    readonly property bool coversWindow: true

    signal dismissed

    color: Theme.primary

    AiringListModel {
        id: airings

        days: 1
    }

    CaseStudyListModel {
        id: studies
    }

    Timer {
        interval: 6000
        repeat: true
        running: root.visible
        onTriggered: root.slide = (root.slide + 1) % root.slideCount
    }

    MouseArea {
        anchors.fill: parent
        onClicked: root.dismissed()
    }

    Column {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: Theme.spacing * 2

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            text: root.slide === 0 ? (Kiosk.communeName.length > 0 ? Kiosk.communeName : qsTr("Innovation in public service")) : root.slide <= airings.count ? qsTr("Today on air") : qsTr("Model to follow")
        }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: 64
            font.bold: true
            text: {
                if (root.slide === 0)
                    return qsTr("Touch the screen to begin");
                if (root.slide <= airings.count) {
                    const a = airings.get(root.slide - 1);
                    return a.start + " – " + a.title;
                }
                const s = root.featured[root.slide - 1 - airings.count];
                return s ? s.title : "";
            }
        }

        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            color: Theme.primaryText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            text: {
                if (root.slide === 0)
                    return "";
                if (root.slide <= airings.count)
                    return airings.get(root.slide - 1).station;
                const s = root.featured[root.slide - 1 - airings.count];
                return s ? s.summary : "";
            }
        }
    }
}
