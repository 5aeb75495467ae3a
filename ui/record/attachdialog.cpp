#include "record/attachdialog.h"

#include "record/recordingrun.h"
#include "sampling/pythonprocesses.h"
#include "sampling/samplingsession.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gilscope::ui {

namespace {
constexpr double kRateHz = 1000;
} // namespace

AttachDialog::AttachDialog(QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Attach to Process — GIL Scope"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Samples a running Python program from /proc without changing or slowing it: each "
           "thread's running, waiting for the GIL, waiting for a lock and blocking I/O."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("processes"));
    m_table->setHorizontalHeaderLabels({tr("PID"), tr("Command line")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AttachDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { attachSelected(); });
    layout->addWidget(m_table, 1);

    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Stop after"), this));
    m_duration = new QDoubleSpinBox(this);
    m_duration->setRange(0, 3600);
    m_duration->setDecimals(1);
    m_duration->setSuffix(tr(" s"));
    m_duration->setSpecialValueText(tr("Stop is pressed"));
    m_duration->setValue(0);
    options->addWidget(m_duration);
    m_follow = new QCheckBox(tr("&Follow: the timeline grows as it samples"), this);
    m_follow->setChecked(true);
    options->addWidget(m_follow, 1);
    layout->addLayout(options);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ResetRole);
    m_attach = buttons->addButton(tr("&Attach"), QDialogButtonBox::AcceptRole);
    m_stop = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_refresh, &QPushButton::clicked, this, &AttachDialog::refresh);
    connect(m_attach, &QPushButton::clicked, this, [this] { attachSelected(); });
    connect(m_stop, &QPushButton::clicked, this, &AttachDialog::stop);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_timer.setInterval(kLiveTimelineMs);
    connect(&m_timer, &QTimer::timeout, this, &AttachDialog::tick);
    resize(720, 420);
    refresh();
}

AttachDialog::~AttachDialog() {
    m_stopFlag = true;
    if (m_thread.joinable())
        m_thread.join();
}

void AttachDialog::refresh() {
    const auto processes = core::listPythonProcesses();
    m_table->setRowCount(static_cast<int>(processes.size()));
    for (int i = 0; i < static_cast<int>(processes.size()); ++i) {
        const auto &p = processes[static_cast<std::size_t>(i)];
        auto *pid = new QTableWidgetItem(QString::number(p.pid));
        pid->setData(Qt::UserRole, p.pid);
        m_table->setItem(i, 0, pid);
        m_table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(p.commandLine)));
    }
    m_table->resizeColumnToContents(0);
    if (processes.empty())
        m_message->setText(tr("No Python process is running that this user can see."));
    else if (!isSampling())
        m_message->clear();
    updateButtons();
}

bool AttachDialog::attachSelected() {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    return attach(m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toInt());
}

bool AttachDialog::attach(int pid) {
    if (isSampling())
        return false;
    auto sampler = core::ProcSampler::open(pid, {});
    if (!sampler.ok()) {
        m_message->setText(QString::fromStdString(sampler.error()));
        return false;
    }
    m_pid = pid;
    m_tracePath = QDir::temp().filePath(QStringLiteral("gilscope-pid-%1.trace.json").arg(pid));
    m_session = std::make_unique<core::SamplingSession>(std::move(*sampler), kRateHz);
    m_stopFlag = false;
    m_done = false;
    const double seconds = m_duration->value();
    m_thread = std::thread([this, seconds] {
        m_session->run(m_stopFlag, seconds);
        m_done = true;
    });
    m_message->setText(tr("Sampling process %1 at %2 Hz…").arg(pid).arg(kRateHz));
    m_timer.start();
    updateButtons();
    return true;
}

void AttachDialog::tick() {
    if (!m_session)
        return;
    if (m_done) {
        stop();
        return;
    }
    if (m_follow->isChecked())
        emit liveTrace(std::make_shared<const core::Trace>(m_session->snapshot()),
                       tr("pid %1 (live)").arg(m_pid));
}

void AttachDialog::stop() {
    if (!m_session)
        return;
    m_timer.stop();
    m_stopFlag = true;
    if (m_thread.joinable())
        m_thread.join();
    const bool ended = m_session->sampler().finished();
    const auto saved =
        core::saveSampledTrace(*m_session, m_tracePath, {}, "pid " + std::to_string(m_pid));
    const auto stats = m_session->stats();
    m_session.reset();
    updateButtons();
    if (!saved.ok()) {
        m_message->setText(QString::fromStdString(saved.error()));
        return;
    }
    const QString note = tr("Sampled process %1 %2 times in %3 s%4.")
                             .arg(m_pid)
                             .arg(stats.rounds)
                             .arg(stats.seconds, 0, 'f', 1)
                             .arg(ended ? tr("; it ended") : QString());
    m_message->setText(note + " " + tr("Trace: %1").arg(m_tracePath));
    emit traceRecorded(m_tracePath, note);
}

void AttachDialog::updateButtons() {
    const bool sampling = isSampling();
    m_attach->setEnabled(!sampling && m_table->selectionModel()->hasSelection());
    m_stop->setEnabled(sampling);
    m_refresh->setEnabled(!sampling);
    m_duration->setEnabled(!sampling);
}

} // namespace gilscope::ui
