#include "record/pythonpicker.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QtConcurrent>

#include <algorithm>
#include <tuple>

namespace gilscope::ui {

namespace {

QString itemText(const core::PythonInstall &install) {
    return QStringLiteral("Python %1 — %2").arg(install.version(), install.path);
}

struct Probe {
    std::optional<core::PythonInstall> install;
    QString error;
};

} // namespace

PythonPicker::PythonPicker(QWidget *parent)
    : QWidget(parent)
    , m_list(new QComboBox)
    , m_browse(new QPushButton(tr("Browse…")))
    , m_message(new QLabel) {
    m_list->setObjectName(QStringLiteral("pythonList"));
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(40);
    m_list->setToolTip(tr("The CPython that runs the script: 2.7 or 3.6 and later"));
    m_browse->setObjectName(QStringLiteral("browsePython"));
    m_browse->setToolTip(tr("Use another Python interpreter"));
    m_message->setObjectName(QStringLiteral("pythonMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_list, 0, 0);
    grid->addWidget(m_browse, 0, 1);
    grid->addWidget(m_message, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);

    connect(m_list, &QComboBox::currentIndexChanged, this, &PythonPicker::currentChanged);
    connect(m_browse, &QPushButton::clicked, this, &PythonPicker::browse);
    updateEnabled();
}

PythonPicker::~PythonPicker() = default;

void PythonPicker::search(const QStringList &candidates) {
    m_searching = true;
    showMessage(tr("Looking for Python interpreters…"), false);
    updateEnabled();
    auto *watcher = new QFutureWatcher<std::vector<core::PythonInstall>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        searched(watcher->result());
    });
    // A watcher destroyed with the picker drops the result; the probes finish on their own.
    watcher->setFuture(
        QtConcurrent::run([candidates] { return core::findPythonInstalls(candidates); }));
}

void PythonPicker::searched(const std::vector<core::PythonInstall> &found) {
    m_searching = false;
    const QString kept = current() ? current()->path : QString();
    for (const core::PythonInstall &install : found)
        add(install);
    // The one used last time, else the newest Python 3 (sys.monitoring: the cheapest hook).
    int pick = m_list->findData(m_preferred);
    for (int i = static_cast<int>(m_installs.size()) - 1; pick < 0 && i >= 0; --i)
        if (m_installs[static_cast<std::size_t>(i)].major == 3)
            pick = i;
    if (!kept.isEmpty())
        pick = m_list->findData(kept); // one browsed for while the search ran
    if (pick < 0 && m_list->count() > 0)
        pick = m_list->count() - 1;
    m_list->setCurrentIndex(pick);
    if (m_installs.empty())
        showMessage(tr("No Python 2.7 or 3.6+ found in pyenv or on PATH: use Browse… to pick "
                       "one."),
                    true);
    else
        showMessage(QString(), false);
    updateEnabled();
    emit searchFinished();
    emit currentChanged();
}

void PythonPicker::setPreferredPath(const QString &path) {
    m_preferred = path;
    const int i = m_list->findData(path);
    if (i >= 0)
        m_list->setCurrentIndex(i);
}

void PythonPicker::addInterpreter(const QString &path) {
    m_probing = true;
    showMessage(tr("Checking %1…").arg(path), false);
    updateEnabled();
    auto *watcher = new QFutureWatcher<Probe>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Probe probe = watcher->result();
        probed(probe.install, probe.error);
    });
    watcher->setFuture(QtConcurrent::run([path] {
        Probe probe;
        if (auto install = core::probePython(path))
            probe.install = *install;
        else
            probe.error = QString::fromStdString(install.error());
        return probe;
    }));
}

void PythonPicker::probed(const std::optional<core::PythonInstall> &install, const QString &error) {
    m_probing = false;
    if (install) {
        m_list->setCurrentIndex(add(*install));
        showMessage(QString(), false);
    } else {
        showMessage(error, true);
    }
    updateEnabled();
    emit probeFinished(install.has_value());
    emit currentChanged();
}

int PythonPicker::add(const core::PythonInstall &install) {
    const int existing = m_list->findData(install.path);
    if (existing >= 0)
        return existing;
    // Sorted by version, as findPythonInstalls() gives them.
    auto at = std::find_if(m_installs.begin(), m_installs.end(), [&](const core::PythonInstall &o) {
        return std::tie(o.major, o.minor, o.micro) >
               std::tie(install.major, install.minor, install.micro);
    });
    const int row = static_cast<int>(at - m_installs.begin());
    m_installs.insert(at, install);
    m_list->insertItem(row, itemText(install), install.path);
    m_list->setItemData(row, install.path, Qt::ToolTipRole);
    return row;
}

std::optional<core::PythonInstall> PythonPicker::current() const {
    const int i = m_list->currentIndex();
    if (i < 0 || i >= static_cast<int>(m_installs.size()))
        return std::nullopt;
    return m_installs[static_cast<std::size_t>(i)];
}

void PythonPicker::browse() {
    const QString start = current() ? QFileInfo(current()->path).absolutePath() : QString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Choose a Python Interpreter"), start);
    if (!path.isEmpty())
        addInterpreter(path);
}

void PythonPicker::showMessage(const QString &text, bool problem) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText,
               problem ? QColor(0xc5, 0x22, 0x1f) : palette().color(QPalette::PlaceholderText));
    m_message->setPalette(p);
}

void PythonPicker::updateEnabled() {
    m_list->setEnabled(!m_searching && m_list->count() > 0);
    m_browse->setEnabled(!m_probing);
}

} // namespace gilscope::ui
