#include "widgets/labeledslider.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace gilscope::ui {

namespace {
double roundSignificant(double v, int digits) {
    if (v <= 0)
        return v;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)) - (digits - 1));
    return std::round(v / magnitude) * magnitude;
}
} // namespace

LabeledSlider::LabeledSlider(double minimum, double maximum, Scale scale,
                             std::function<QString(double)> format, QWidget *parent)
    : QWidget(parent)
    , m_min(minimum)
    , m_max(maximum)
    , m_scale(scale)
    , m_format(std::move(format))
    , m_value(minimum)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    if (m_scale == Scale::Linear) {
        m_slider->setRange(static_cast<int>(minimum), static_cast<int>(maximum));
        m_slider->setPageStep(std::max(1, static_cast<int>((maximum - minimum) / 8)));
    } else {
        m_slider->setRange(0, kLogSteps);
        m_slider->setPageStep(kLogSteps / 10);
        m_slider->setSingleStep(kLogSteps / 100);
    }
    m_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Wide enough for the longest value, so the slider does not jump as the text changes.
    const QFontMetrics fm(m_label->font());
    int widest = 0;
    for (double v : {minimum, maximum, (minimum + maximum) / 2, maximum * 0.777, minimum * 7.77})
        widest = std::max(widest, fm.horizontalAdvance(m_format(v)));
    m_label->setMinimumWidth(widest + fm.horizontalAdvance(QStringLiteral("00")));
    m_label->setFocusPolicy(Qt::NoFocus);
    connect(m_slider, &QSlider::valueChanged, this, &LabeledSlider::onSliderMoved);
    setValue(minimum);
}

double LabeledSlider::valueAt(int position) const {
    if (m_scale == Scale::Linear)
        return position;
    const double f = static_cast<double>(position) / kLogSteps;
    const double v = m_min * std::pow(m_max / m_min, f);
    return std::clamp(roundSignificant(v, 3), m_min, m_max);
}

int LabeledSlider::positionOf(double value) const {
    if (m_scale == Scale::Linear)
        return static_cast<int>(std::lround(std::clamp(value, m_min, m_max)));
    const double v = std::clamp(value, m_min, m_max);
    return static_cast<int>(std::lround(std::log(v / m_min) / std::log(m_max / m_min) * kLogSteps));
}

void LabeledSlider::setValue(double value) {
    m_value = value;
    m_setting = true;
    m_slider->setValue(positionOf(value));
    m_setting = false;
    updateLabel();
}

QString LabeledSlider::valueText() const {
    return m_label->text();
}

void LabeledSlider::onSliderMoved(int position) {
    if (m_setting)
        return;
    m_value = valueAt(position);
    updateLabel();
    emit valueChanged(m_value);
}

void LabeledSlider::setAccessibleText(const QString &name, const QString &help) {
    m_slider->setAccessibleName(name);
    m_help = help;
    updateLabel();
}

void LabeledSlider::updateLabel() {
    m_label->setText(m_format(m_value));
    const QString value = m_label->text();
    m_slider->setAccessibleDescription(m_help.isEmpty() ? value : tr("%1. %2").arg(value, m_help));
}

} // namespace gilscope::ui
