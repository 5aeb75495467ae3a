#include "slide/timelinetheme.h"

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
    // Every state at least 3:1 against the background (WCAG's minimum for graphics), so pale
    // tints never vanish on a projector or a washed-out screen.
    setState(t, ThreadState::Running, QColor(0x2e, 0x9e, 0x44));
    setState(t, ThreadState::WaitingForGil, QColor(0x7f, 0x91, 0xaa));
    setState(t, ThreadState::Ready, QColor(0x90, 0x77, 0xc9));
    setState(t, ThreadState::Io, QColor(0x5f, 0x65, 0x6e));
    setState(t, ThreadState::Starting, QColor(0x4e, 0x8f, 0xdc));
    // Steps: C code without the GIL teal, a lock wait rust, a queue or event wait olive.
    setState(t, ThreadState::Native, QColor(0x0f, 0x7f, 0x8a));
    setState(t, ThreadState::LockWait, QColor(0xc1, 0x50, 0x2e));
    setState(t, ThreadState::QueueWait, QColor(0x7e, 0x7a, 0x1f));
    t.failedFirst = QColor(0xf2, 0xb7, 0x05);
    t.failedRepeated = QColor(0xd9, 0x30, 0x25);
    t.dropRequest = QColor(0xd0, 0x1c, 0x8b);
    t.forcedHandoff = QColor(0x1a, 0x3d, 0x6e);
    // Holder colours start with hues no GIL state uses (orange, teal, brown, pink), so the first
    // threads' holder colours cannot be read as a state; the legend keys them to their rows.
    t.holder = {QColor(0xf2, 0x8e, 0x2b), QColor(0x3a, 0xa3, 0x9c), QColor(0x9c, 0x75, 0x5f),
                QColor(0xe8, 0x7a, 0xa4), QColor(0xed, 0xc9, 0x48), QColor(0x4e, 0x79, 0xa7),
                QColor(0xb0, 0x7a, 0xa1), QColor(0x59, 0xa1, 0x4f)};
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
    setState(t, ThreadState::WaitingForGil, QColor(0x66, 0x75, 0x8c));
    setState(t, ThreadState::Ready, QColor(0x8e, 0x6c, 0xc0));
    setState(t, ThreadState::Io, QColor(0x9a, 0xa1, 0xab));
    setState(t, ThreadState::Starting, QColor(0x4a, 0x8f, 0xe0));
    setState(t, ThreadState::Native, QColor(0x3c, 0xc1, 0xc9));
    setState(t, ThreadState::LockWait, QColor(0xf0, 0x7a, 0x4f));
    setState(t, ThreadState::QueueWait, QColor(0xc4, 0xbd, 0x4a));
    t.failedFirst = QColor(0xff, 0xd5, 0x4f);
    t.failedRepeated = QColor(0xff, 0x5a, 0x4f);
    t.dropRequest = QColor(0xf0, 0x6f, 0xb5);
    t.forcedHandoff = QColor(0x9e, 0xc5, 0xf5);
    t.holder = {QColor(0xf5, 0xa2, 0x50), QColor(0x5c, 0xc4, 0xbc), QColor(0xb8, 0x92, 0x7c),
                QColor(0xf0, 0x94, 0xb8), QColor(0xf1, 0xd3, 0x63), QColor(0x6b, 0x9b, 0xd1),
                QColor(0xc9, 0x95, 0xbc), QColor(0x73, 0xbd, 0x68)};
    t.busy = QColor(0x3a, 0x8f, 0x4e);
    return t;
}

namespace {
// What both slide themes share: laid out on a 720-pixel page, so 1080p doubles nothing but
// scales by 1.5, with type a projector keeps readable.
void slideSizes(TimelineTheme &t) {
    // Labels about 2.8 % of the page height and titles 4 %: readable from the back of a room.
    t.layoutHeight = 720;
    t.fontPx = 20;
    t.titlePx = 29;
    t.lineWidth = 1.5;
    t.marginPx = 22;
    // Rows share the page: thick bars as on Beazley's slides when a run has few threads, but
    // not slabs (a fifth of the page at most).
    t.maxRowPx = 144;
}
} // namespace

TimelineTheme TimelineTheme::slideLight() {
    // Projectors wash out pale tints and thin yellows: waiting is a visible grey-blue, the
    // first failed wake-up a deep amber, every colour a step more saturated than on screen.
    TimelineTheme t = screenLight();
    t.name = QStringLiteral("slide-light");
    t.text = QColor(0x16, 0x18, 0x1c);
    t.axis = QColor(0x45, 0x4a, 0x52);
    t.grid = QColor(0xdc, 0xe0, 0xe6);
    t.stripe = QColor(0, 0, 0, 12);
    t.groupBand = QColor(0xe3, 0xe9, 0xf2);
    t.groupText = QColor(0x2a, 0x2e, 0x33);
    setState(t, ThreadState::Running, QColor(0x1f, 0x9d, 0x3c));
    setState(t, ThreadState::WaitingForGil, QColor(0x7f, 0x91, 0xaa));
    setState(t, ThreadState::Ready, QColor(0x8a, 0x70, 0xc8));
    setState(t, ThreadState::Io, QColor(0x5a, 0x60, 0x69));
    setState(t, ThreadState::Starting, QColor(0x35, 0x7c, 0xd6));
    setState(t, ThreadState::Native, QColor(0x0b, 0x74, 0x80));
    setState(t, ThreadState::LockWait, QColor(0xb8, 0x43, 0x1f));
    setState(t, ThreadState::QueueWait, QColor(0x75, 0x71, 0x15));
    t.failedFirst = QColor(0xf0, 0xa2, 0x00);
    t.failedRepeated = QColor(0xd7, 0x26, 0x1e);
    t.dropRequest = QColor(0xc8, 0x14, 0x82);
    t.forcedHandoff = QColor(0x13, 0x33, 0x61);
    t.busy = QColor(0x5c, 0xb8, 0x6e);
    slideSizes(t);
    return t;
}

TimelineTheme TimelineTheme::slideDark() {
    TimelineTheme t = screenDark();
    t.name = QStringLiteral("slide-dark");
    t.background = QColor(0x14, 0x17, 0x1c);
    t.text = QColor(0xf1, 0xf3, 0xf5);
    t.axis = QColor(0xb4, 0xb9, 0xc0);
    t.grid = QColor(0x33, 0x38, 0x40);
    t.stripe = QColor(255, 255, 255, 12);
    t.groupBand = QColor(0x2a, 0x30, 0x39);
    t.groupText = QColor(0xd8, 0xdc, 0xe1);
    setState(t, ThreadState::Running, QColor(0x45, 0xc8, 0x62));
    setState(t, ThreadState::WaitingForGil, QColor(0x5d, 0x6b, 0x80));
    setState(t, ThreadState::Ready, QColor(0x9a, 0x7a, 0xd0));
    setState(t, ThreadState::Io, QColor(0x9a, 0xa1, 0xab));
    setState(t, ThreadState::Starting, QColor(0x4f, 0x97, 0xea));
    setState(t, ThreadState::Native, QColor(0x45, 0xca, 0xd2));
    setState(t, ThreadState::LockWait, QColor(0xf5, 0x84, 0x5a));
    setState(t, ThreadState::QueueWait, QColor(0xcd, 0xc5, 0x52));
    t.failedFirst = QColor(0xff, 0xd2, 0x3f);
    t.failedRepeated = QColor(0xff, 0x55, 0x4a);
    t.dropRequest = QColor(0xf3, 0x70, 0xb8);
    t.forcedHandoff = QColor(0xa8, 0xcd, 0xff);
    t.busy = QColor(0x3d, 0x9c, 0x55);
    slideSizes(t);
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
    case ThreadState::Native:
        return QObject::tr("C code, GIL released");
    case ThreadState::LockWait:
        return QObject::tr("waiting for a lock");
    case ThreadState::QueueWait:
        return QObject::tr("waiting on a queue or event");
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
