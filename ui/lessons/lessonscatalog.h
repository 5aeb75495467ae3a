#pragma once

#include "scenario/scenariolabels.h"

#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace gilscope::ui {

// One preset as the lessons present it: the scenario, a title without its "(R1)" tag, what to
// look for (the preset's description), the section of the story it belongs to, and the
// published figure it reproduces with its source, where one exists.
struct LessonPreset {
    QString id; // preset file name, as --preset takes it
    core::Scenario scenario;
    QString title;           // the scenario name without the reference tag
    QString lookFor;         // the description: what to look for in the chart
    QString lesson;          // for the lessons: two or three sentences on what to look at
    QString referenceTag;    // "R1" … "R8" (REFERENCE_RESULTS.md), empty when none
    QString referenceFigure; // "2 threads 15.4 s vs 7.8 s sequential"
    QString referenceSource; // "David Beazley, Understanding the Python GIL (PyCon 2010)"
    int section = 0;         // index into lessonSections()
};

// The chapters of the story, in reading order: the legacy GIL, the 3.2+ GIL, the convoy effect,
// the executors, no GIL.
QStringList lessonSections();
// What each chapter is about, one sentence.
QString lessonSectionBlurb(int section);

// Every compiled-in preset, ordered by section and then by name. Presets that fail to load are
// reported in `errors` (one line each) and left out.
std::vector<LessonPreset> lessonPresets(QStringList *errors = nullptr);
LessonPreset lessonPreset(const QString &id, const core::Scenario &scenario);

// "3.2+ GIL · threading · 2 cores · 3 threads"
QString scenarioSummary(const core::Scenario &scenario);

// The preset whose scenario has this name, or an empty string.
QString presetIdForName(const std::string &name);
// A preset worth comparing against `id` (the same workload with the other GIL, the other
// interval, the other executor); empty when none is known.
QString counterpartPreset(const QString &id);

} // namespace gilscope::ui
