#pragma once

#include "export/exportdialog.h"
#include "video/videoexport.h"

#include <QDialog>
#include <QTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;

namespace gilscope::ui {

class VideoFrames;

// File > Export Video: the chart and the scheduler stage played as an MP4, WebM or GIF, as
// `gilscope --export OUT.mp4 --range A:B --duration S` makes it. A preview shows any moment of
// the range (drag the slider under it); Save asks for a file and renders with a progress bar.
// Without ffmpeg the dialog says so and cannot save.
class VideoExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit VideoExportDialog(ExportDialog::Source source, QWidget *parent = nullptr);
    ~VideoExportDialog() override;

    // The export the controls describe.
    VideoExport options() const;
    // What is wrong with the controls (the range, the options), naming the field; empty if fine.
    QString problem() const;
    // Renders and encodes into `path`, with a progress dialog when shown.
    bool exportTo(const QString &path, QString *error);

    QComboBox *formatBox() const { return m_format; }
    QComboBox *sizeBox() const { return m_size; }
    QComboBox *layoutBox() const { return m_layout; }
    QComboBox *playheadBox() const { return m_playhead; }
    QComboBox *themeBox() const { return m_theme; }
    QLineEdit *rangeStartEdit() const { return m_rangeStart; }
    QLineEdit *rangeEndEdit() const { return m_rangeEnd; }
    QDoubleSpinBox *durationBox() const { return m_duration; }
    QDoubleSpinBox *fpsBox() const { return m_fps; }
    QSlider *previewSlider() const { return m_previewAt; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }
    // The preview as last drawn (full export size), and the time it shows.
    QImage previewImage() const { return m_previewImage; }

private:
    void schedulePreview();
    void rebuildFrames();
    void showPreviewFrame();
    void saveClicked();

    ExportDialog::Source m_source;
    QComboBox *m_format;
    QComboBox *m_size;
    QComboBox *m_layout;
    QComboBox *m_playhead;
    QComboBox *m_theme;
    QCheckBox *m_useTitle;
    QLineEdit *m_title;
    QLineEdit *m_rangeStart;
    QLineEdit *m_rangeEnd;
    QDoubleSpinBox *m_duration;
    QDoubleSpinBox *m_fps;
    QLabel *m_preview;
    QSlider *m_previewAt;
    QLabel *m_status;
    QPushButton *m_save;
    QTimer m_previewTimer;
    std::unique_ptr<VideoFrames> m_frames;
    QImage m_previewImage;
};

} // namespace gilscope::ui
