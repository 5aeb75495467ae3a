#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QSlider;

namespace gilscope::ui {

// A horizontal slider that shows its value next to it, on a linear (whole numbers) or a
// logarithmic scale. It keeps the exact value it was given even when that lies between slider
// positions or outside the range (a preset's 10 µs switch interval on a 50 µs–100 ms slider),
// until the user moves it.
class LabeledSlider : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Linear, Log };
    static constexpr int kLogSteps = 1000;

    LabeledSlider(double minimum, double maximum, Scale scale,
                  std::function<QString(double)> format, QWidget *parent = nullptr);

    double value() const { return m_value; }
    // Shows `value` without emitting valueChanged().
    void setValue(double value);
    double minimum() const { return m_min; }
    double maximum() const { return m_max; }
    QSlider *slider() const { return m_slider; }
    QString valueText() const;
    // What a screen reader says: `name`, and as the description the value shown (which the
    // slider's own position, 0 to 1000 on a log scale, is not) followed by `help`.
    void setAccessibleText(const QString &name, const QString &help);

    // Slider position <-> value (log sliders round to three significant digits).
    double valueAt(int position) const;
    int positionOf(double value) const;

signals:
    void valueChanged(double value);

private:
    void onSliderMoved(int position);
    void updateLabel();

    double m_min, m_max;
    Scale m_scale;
    std::function<QString(double)> m_format;
    double m_value;
    QSlider *m_slider;
    QLabel *m_label;
    QString m_help;
    bool m_setting = false;
};

} // namespace gilscope::ui
