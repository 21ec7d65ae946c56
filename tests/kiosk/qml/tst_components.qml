import QtQuick
import QtTest
import Kiosk

// The small pieces every screen relies on.
Item {
    id: root

    width: 1280
    height: 800

    Component {
        id: tileComponent

        Tile {
            text: "Kế hoạch"
            symbol: "☰"
        }
    }

    Component {
        id: countdownComponent

        IdleCountdown {
            width: 800
            height: 600
        }
    }

    Component {
        id: pinPadComponent

        PinPad {
        }
    }

    Component {
        id: bannerComponent

        OfflineBanner {
            width: 800
        }
    }

    Component {
        id: idleComponent

        IdleTimer {
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "Components"
        when: windowShown

        function test_tileIsLargeAndClickable() {
            const tile = createTemporaryObject(tileComponent, root);
            verify(tile.width >= Theme.touchTarget && tile.height >= Theme.touchTarget);
            spy.clear();
            spy.target = tile;
            spy.signalName = "clicked";
            mouseClick(tile);
            compare(spy.count, 1);
        }

        function test_countdownShowsOnlyTheLastSeconds() {
            const countdown = createTemporaryObject(countdownComponent, root, {
                    "remaining": 40
                });
            verify(!countdown.visible);
            countdown.remaining = 7;
            verify(countdown.visible);
            const label = findChild(countdown, "countdownText");
            verify(label.text.indexOf("7") >= 0);
            spy.clear();
            spy.target = countdown;
            spy.signalName = "stay";
            mouseClick(countdown);
            compare(spy.count, 1);
        }

        function test_offlineBannerSaysHowOldTheDataIs() {
            const banner = createTemporaryObject(bannerComponent, root, {
                    "offline": false
                });
            verify(!banner.visible);
            compare(banner.implicitHeight, 0);
            banner.lastUpdated = "08:30 01/10/2022";
            banner.offline = true;
            verify(banner.visible);
            verify(banner.implicitHeight > 0);
        }

        function test_idleTimerCountsDownAndRestarts() {
            const idle = createTemporaryObject(idleComponent, root, {
                    "timeout": 2
                });
            compare(idle.remaining, 2);
            spy.clear();
            spy.target = idle;
            spy.signalName = "timedOut";
            spy.wait(4000);
            compare(idle.remaining, 0);
            mouseClick(root);
            compare(idle.remaining, 2);
        }

        function test_pinPadSendsSixDigitsOnce() {
            const pad = createTemporaryObject(pinPadComponent, root);
            waitForRendering(pad);
            spy.clear();
            spy.target = pad;
            spy.signalName = "submitted";
            const key = digit => findChild(pad, "pinKey_" + digit);
            for (const d of ["4", "8", "2", "9"])
                mouseClick(key(d));
            compare(pad.pin, "4829");
            mouseClick(key("back"));
            compare(pad.pin, "482");
            mouseClick(key("clear"));
            compare(pad.pin, "");
            for (const d of ["0", "1", "2", "3", "4"])
                mouseClick(key(d));
            compare(spy.count, 0);
            mouseClick(key("5"));
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "012345");
            // A seventh digit does nothing; neither does any key while busy.
            mouseClick(key("6"));
            compare(pad.pin, "012345");
            pad.clear();
            pad.busy = true;
            mouseClick(key("7"));
            compare(pad.pin, "");
            verify(key("1").height >= Theme.touchTarget);
        }

        function test_bodyTextIsLargeEnough() {
            verify(Theme.bodySize >= 24);
            verify(Theme.smallSize >= 24);
        }
    }
}
