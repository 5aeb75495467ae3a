#include "lessons/lessonsmenu.h"

#include "lessons/lessons.h"
#include "window/mainwindow.h"

namespace gilscope::ui {

Lessons *installLessons(MainWindow &window) {
    if (auto *existing = window.findChild<Lessons *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new Lessons(window);
}

bool showStartPage(MainWindow &window) {
    Lessons *lessons = installLessons(window);
    if (!Lessons::startPageEnabled())
        return false;
    lessons->showGallery();
    return true;
}

} // namespace gilscope::ui
