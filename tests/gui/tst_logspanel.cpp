// The logs panel keeps a bounded list, filters by level, category and text, and holds new
// records back while paused.

#include "models/logmodel.h"
#include "panels/logspanel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

m1::LogRecord record(quint64 sequence, QtMsgType type, const QString &category, const QString &message)
{
    m1::LogRecord r;
    r.sequence = sequence;
    r.timeMs = 1'700'000'000'000 + qint64(sequence);
    r.type = type;
    r.category = category;
    r.message = message;
    return r;
}

} // namespace

class TestLogsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"MobilityOneTest"_s);
        QCoreApplication::setApplicationName(u"tst_logspanel"_s);
        QStandardPaths::setTestModeEnabled(true);
    }

    void filtersAndPauses()
    {
        m1::LogsPanel panel;
        auto *level = panel.findChild<QComboBox *>(u"logLevel"_s);
        level->setCurrentIndex(level->findData(0)); // debug and above: everything
        panel.addRecords({record(1, QtDebugMsg, u"m1.search"_s, u"query cache miss"_s),
                          record(2, QtInfoMsg, u"m1.store"_s, u"store: memory"_s),
                          record(3, QtWarningMsg, u"m1.store.redis"_s, u"reconnecting"_s),
                          record(4, QtCriticalMsg, u"m1.engine"_s, u"pipeline: could not save"_s)});
        QAbstractItemModel *shown = panel.view()->model();
        QCOMPARE(shown->rowCount(), 4);

        level->setCurrentIndex(level->findData(2)); // warnings and above
        QCOMPARE(shown->rowCount(), 2);
        level->setCurrentIndex(level->findData(0));

        auto *category = panel.findChild<QComboBox *>(u"logCategory"_s);
        category->setCurrentIndex(category->findData(u"m1.store"_s)); // with its subcategories
        QCOMPARE(shown->rowCount(), 2);
        category->setCurrentIndex(0);

        auto *text = panel.findChild<QLineEdit *>(u"logText"_s);
        text->setText(u"PIPELINE"_s);
        QCOMPARE(shown->rowCount(), 1);
        text->clear();

        panel.setPaused(true);
        panel.addRecords({record(5, QtInfoMsg, u"m1.engine"_s, u"loaded"_s)});
        QCOMPARE(shown->rowCount(), 4);
        panel.setPaused(false);
        QCOMPARE(shown->rowCount(), 5);
    }

    void isBounded()
    {
        m1::LogModel model(100);
        QList<m1::LogRecord> flood;
        for (quint64 i = 1; i <= 250; ++i)
            flood.append(record(i, QtInfoMsg, u"m1.engine"_s, QString::number(i)));
        model.append(flood.mid(0, 60));
        model.append(flood.mid(60));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.record(0).message, u"151"_s);
        QCOMPARE(model.record(99).message, u"250"_s);
    }
};

QTEST_MAIN(TestLogsPanel)
#include "tst_logspanel.moc"
