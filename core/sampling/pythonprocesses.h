#pragma once

#include <string>
#include <vector>

namespace gilscope::core {

// A running process that looks like CPython, for File → Attach to Process….
struct PythonProcess {
    int pid = 0;
    std::string exe;         // /root/.pyenv/versions/3.12.1/bin/python3.12
    std::string commandLine; // its arguments joined by spaces
};

// Every process this user can see whose executable is named python* or that maps a libpython,
// newest first. Only /proc/PID/exe, cmdline and (for other names) maps are read.
std::vector<PythonProcess> listPythonProcesses();

} // namespace gilscope::core
