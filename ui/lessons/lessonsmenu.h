#pragma once

namespace gilscope::ui {

class Lessons;
class MainWindow;

// Adds the Lessons menu (Gallery, Compare, Advisor, Sweep) to the window and wires it to the
// window's public API. Calling it again returns the same Lessons.
Lessons *installLessons(MainWindow &window);

// Shows the preset gallery in place of the timeline when the user has not turned the start
// page off (installs the lessons first if needed). Returns whether the gallery is shown. Call
// it after the window is set up and only when no file was given on the command line.
bool showStartPage(MainWindow &window);

} // namespace gilscope::ui
