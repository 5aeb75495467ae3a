#include "timelinetheme.h"

#include <QObject>
#include <QPalette>

namespace gilscope::ui {

using core::MarkKind;
using core::ThreadState;

namespace {
void setState(TimelineTheme &t, ThreadState s, QColor c) {
    t.state[static_cast<std::size_t>(s)] = c;
}
} // namespace

TimelineTheme TimelineTheme::screenLight() {
    TimelineTheme t;
    t.name = QStringLiteral("screen-light");
    t.dark = false;
    t.background = QColor(0xff, 0xff, 0xff);
    t.text = QColor(0x20, 0x21, 0x24);
    t.axis = QColor(0x5f, 0x63, 0x68);
    t.grid = QColor(0xe3, 0xe6, 0xea);
    t.stripe = QColor(0, 0, 0, 10); // translucent: the time grid shows through
    t.groupBand = QColor(0xe8, 0xed, 0xf4);
    t.groupText = QColor(0x3c, 0x40, 0x43);
    setState(t, ThreadState::Running, QColor(0x2e, 0x9e, 0x44));
    setState(t, ThreadState::WaitingForGil, QColor(0xcf, 0xd8, 0xe3));
    setState(t, ThreadState::Ready, QColor(0xb3, 0x9d, 0xdb));
    setState(t, ThreadState::Io, QColor(0x8d, 0x93, 0x9b));
    setState(t, ThreadState::Starting, QColor(0x4e, 0x8f, 0xdc));
    t.failedFirst = QColor(0xf2, 0xb7, 0x05);
    t.failedRepeated = QColor(0xd9, 0x30, 0x25);
    t.dropRequest = QColor(0xd0, 0x1c, 0x8b);
    t.forcedHandoff = QColor(0x1a, 0x3d, 0x6e);
    t.holder = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x76, 0xb7, 0xb2),
                QColor(0xed, 0xc9, 0x48), QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7),
                QColor(0x9c, 0x75, 0x5f), QColor(0x59, 0xa1, 0x4f)};
    t.busy = QColor(0x7c, 0xc4, 0x8a);
    return t;
}

TimelineTheme TimelineTheme::screenDark() {
    TimelineTheme t;
    t.name = QStringLiteral("screen-dark");
    t.dark = true;
    t.background = QColor(0x1e, 0x21, 0x26);
    t.text = QColor(0xe8, 0xea, 0xed);
    t.axis = QColor(0x9a, 0xa0, 0xa6);
    t.grid = QColor(0x36, 0x3a, 0x41);
    t.stripe = QColor(255, 255, 255, 9);
    t.groupBand = QColor(0x2e, 0x34, 0x3d);
    t.groupText = QColor(0xc8, 0xcc, 0xd2);
    setState(t, ThreadState::Running, QColor(0x3f, 0xbf, 0x5a));
    setState(t, ThreadState::WaitingForGil, QColor(0x44, 0x50, 0x60));
    setState(t, ThreadState::Ready, QColor(0x8e, 0x6c, 0xc0));
    setState(t, ThreadState::Io, QColor(0x7a, 0x80, 0x89));
    setState(t, ThreadState::Starting, QColor(0x4a, 0x8f, 0xe0));
    t.failedFirst = QColor(0xff, 0xd5, 0x4f);
    t.failedRepeated = QColor(0xff, 0x5a, 0x4f);
    t.dropRequest = QColor(0xf0, 0x6f, 0xb5);
    t.forcedHandoff = QColor(0x9e, 0xc5, 0xf5);
    t.holder = {QColor(0x6b, 0x9b, 0xd1), QColor(0xf5, 0xa2, 0x50), QColor(0x8c, 0xd1, 0xcb),
                QColor(0xf1, 0xd3, 0x63), QColor(0xc9, 0x95, 0xbc), QColor(0xff, 0xb3, 0xbb),
                QColor(0xb8, 0x92, 0x7c), QColor(0x73, 0xbd, 0x68)};
    t.busy = QColor(0x3a, 0x8f, 0x4e);
    return t;
}

TimelineTheme TimelineTheme::forPalette(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128 ? screenDark() : screenLight();
}

QString stateLabel(ThreadState state) {
    switch (state) {
    case ThreadState::Running:
        return QObject::tr("running");
    case ThreadState::WaitingForGil:
        return QObject::tr("waiting for the GIL");
    case ThreadState::Ready:
        return QObject::tr("ready, no free core");
    case ThreadState::Io:
        return QObject::tr("blocking I/O");
    case ThreadState::Starting:
        return QObject::tr("starting");
    case ThreadState::Done:
        return QObject::tr("done");
    case ThreadState::Absent:
        return QObject::tr("no data");
    }
    return {};
}

QString markLabel(MarkKind kind) {
    switch (kind) {
    case MarkKind::AcquireRequest:
        return QObject::tr("GIL requested");
    case MarkKind::Acquire:
        return QObject::tr("GIL acquired");
    case MarkKind::Release:
        return QObject::tr("GIL released");
    case MarkKind::FailedAcquire:
        return QObject::tr("failed wake-up");
    case MarkKind::RepeatedFailedAcquire:
        return QObject::tr("repeated failed wake-up");
    case MarkKind::DropRequest:
        return QObject::tr("drop request");
    case MarkKind::ForcedHandoff:
        return QObject::tr("forced hand-off");
    case MarkKind::Timeout:
        return QObject::tr("wait timed out");
    case MarkKind::Signal:
        return QObject::tr("signal");
    case MarkKind::IoBegin:
        return QObject::tr("I/O begins");
    case MarkKind::IoEnd:
        return QObject::tr("I/O ends");
    }
    return {};
}

QString markExplanation(MarkKind kind) {
    switch (kind) {
    case MarkKind::AcquireRequest:
        return QObject::tr("asked for the GIL");
    case MarkKind::Acquire:
        return QObject::tr("took the GIL");
    case MarkKind::Release:
        return QObject::tr("gave the GIL up");
    case MarkKind::FailedAcquire:
        return QObject::tr("woken up, found the GIL taken again, went back to sleep (first time in "
                           "this wait)");
    case MarkKind::RepeatedFailedAcquire:
        return QObject::tr("woken up and lost the GIL again, within the same wait");
    case MarkKind::DropRequest:
        return QObject::tr("waited a whole switch interval and asked the holder to drop the GIL");
    case MarkKind::ForcedHandoff:
        return QObject::tr("dropped the GIL on request; waits until another thread has taken it");
    case MarkKind::Timeout:
        return QObject::tr("a timed wait for the GIL expired");
    case MarkKind::Signal:
        return QObject::tr("a release woke a waiting thread");
    case MarkKind::IoBegin:
        return QObject::tr("a blocking call started");
    case MarkKind::IoEnd:
        return QObject::tr("a blocking call returned");
    }
    return {};
}

} // namespace gilscope::ui
