#include "components/trafficgenerator/loadprofile.h"

#include <QTest>

#include <cmath>

// Load profiles and the open model's arrival schedule, driven by explicit times (the injected
// clock): the share of full load over time, its integral and inverse, how many requests are
// due in each phase of a ramp, steps and a spike, drops, and live rate and profile changes.
using namespace infralab::trafficgenerator;
using Shape = LoadProfile::Shape;

Q_DECLARE_METATYPE(LoadProfile::Shape)

namespace {

// Requests the schedule makes due in [from, to) (advancing it as a sender would).
int arrivalsBetween(ArrivalSchedule &schedule, double from, double to)
{
    int count = 0;
    while (schedule.nextDue() < to) {
        if (schedule.nextDue() >= from)
            ++count;
        schedule.advance();
    }
    return count;
}

} // namespace

class TestLoadProfile : public QObject
{
    Q_OBJECT

private slots:
    void fraction_data()
    {
        QTest::addColumn<Shape>("shape");
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("expected");
        // period 10 s throughout
        QTest::newRow("constant at 0") << Shape::Constant << 0.0 << 1.0;
        QTest::newRow("constant late") << Shape::Constant << 1000.0 << 1.0;
        QTest::newRow("ramp at 0") << Shape::Ramp << 0.0 << 0.0;
        QTest::newRow("ramp at a quarter") << Shape::Ramp << 2.5 << 0.25;
        QTest::newRow("ramp at the end") << Shape::Ramp << 10.0 << 1.0;
        QTest::newRow("ramp after the end") << Shape::Ramp << 25.0 << 1.0;
        QTest::newRow("steps first") << Shape::Steps << 0.0 << 0.25;
        QTest::newRow("steps first end") << Shape::Steps << 9.99 << 0.25;
        QTest::newRow("steps second") << Shape::Steps << 10.0 << 0.5;
        QTest::newRow("steps third") << Shape::Steps << 25.0 << 0.75;
        QTest::newRow("steps full") << Shape::Steps << 30.0 << 1.0;
        QTest::newRow("steps stays full") << Shape::Steps << 300.0 << 1.0;
        QTest::newRow("spike low") << Shape::Spike << 0.0 << 0.1;
        QTest::newRow("spike low before") << Shape::Spike << 8.99 << 0.1;
        QTest::newRow("spike high") << Shape::Spike << 9.0 << 1.0;
        QTest::newRow("spike high end") << Shape::Spike << 9.99 << 1.0;
        QTest::newRow("spike repeats low") << Shape::Spike << 10.5 << 0.1;
        QTest::newRow("spike repeats high") << Shape::Spike << 19.5 << 1.0;
        QTest::newRow("negative time") << Shape::Ramp << -5.0 << 0.0;
    }

    void fraction()
    {
        QFETCH(Shape, shape);
        QFETCH(double, t);
        QFETCH(double, expected);
        QCOMPARE(LoadProfile(shape, 10).fraction(t), expected);
    }

    // cumulative() is the integral of fraction(), and timeFor() its inverse.
    void cumulativeIsTheIntegral_data()
    {
        QTest::addColumn<Shape>("shape");
        QTest::newRow("constant") << Shape::Constant;
        QTest::newRow("ramp") << Shape::Ramp;
        QTest::newRow("steps") << Shape::Steps;
        QTest::newRow("spike") << Shape::Spike;
    }

    void cumulativeIsTheIntegral()
    {
        QFETCH(Shape, shape);
        const LoadProfile profile(shape, 10);
        const double dt = 0.0005;
        double integral = 0;
        for (double t = 0; t < 65; t += dt) {
            const double exact = profile.cumulative(t);
            QVERIFY2(std::abs(exact - integral) < 0.01,
                     qPrintable(QString("t=%1: %2 vs %3").arg(t).arg(exact).arg(integral)));
            if (exact > 0.01) {
                const double back = profile.timeFor(exact);
                QVERIFY2(std::abs(back - t) < 1e-6 || profile.fraction(t) == 0,
                         qPrintable(QString("timeFor(cumulative(%1)) = %2").arg(t).arg(back)));
            }
            integral += profile.fraction(t + dt / 2) * dt;
        }
    }

    void shapeNames()
    {
        for (const Shape shape : {Shape::Constant, Shape::Ramp, Shape::Steps, Shape::Spike}) {
            const auto parsed
                = choiceFromName(LoadProfile::shapeChoices, LoadProfile::shapeName(shape));
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, shape);
        }
        QCOMPARE(LoadProfile::shapeName(Shape::Ramp), QStringLiteral("ramp"));
        QVERIFY(!choiceFromName(LoadProfile::shapeChoices, u"sawtooth").has_value());
    }

    // Open model at 100 req/s with a 10 s period: how many requests come due in each phase.
    void arrivalsPerPhase_data()
    {
        QTest::addColumn<Shape>("shape");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("constant first second") << Shape::Constant << 0.0 << 1.0 << 100;
        QTest::newRow("constant a later second") << Shape::Constant << 42.0 << 43.0 << 100;
        QTest::newRow("ramp whole period") << Shape::Ramp << 0.0 << 10.0 << 500;
        QTest::newRow("ramp first half") << Shape::Ramp << 0.0 << 5.0 << 125;
        QTest::newRow("ramp after") << Shape::Ramp << 10.0 << 12.0 << 200;
        QTest::newRow("steps first") << Shape::Steps << 0.0 << 10.0 << 250;
        QTest::newRow("steps second") << Shape::Steps << 10.0 << 20.0 << 500;
        QTest::newRow("steps third") << Shape::Steps << 20.0 << 30.0 << 750;
        QTest::newRow("steps full") << Shape::Steps << 30.0 << 40.0 << 1000;
        QTest::newRow("spike low part") << Shape::Spike << 0.0 << 9.0 << 90;
        QTest::newRow("spike high part") << Shape::Spike << 9.0 << 10.0 << 100;
        QTest::newRow("spike second low") << Shape::Spike << 10.0 << 19.0 << 90;
        QTest::newRow("spike second high") << Shape::Spike << 19.0 << 20.0 << 100;
    }

    void arrivalsPerPhase()
    {
        QFETCH(Shape, shape);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, expected);
        ArrivalSchedule schedule(LoadProfile(shape, 10), 100);
        const int count = arrivalsBetween(schedule, from, to);
        QVERIFY2(std::abs(count - expected) <= 1, qPrintable(QString::number(count)));
    }

    void constantRateIsEvenlySpaced()
    {
        ArrivalSchedule schedule(LoadProfile(), 4);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(schedule.nextDue(), i * 0.25);
            schedule.advance();
        }
        ArrivalSchedule offset(LoadProfile(), 4, 0.1);
        QCOMPARE(offset.nextDue(), 0.1);
    }

    // Requests owed longer than the timeout are dropped in one go; dueBefore() counts the
    // ones still owed when a run ends.
    void skipAndOwed()
    {
        ArrivalSchedule schedule(LoadProfile(), 100);
        QCOMPARE(schedule.dueBefore(1.0), quint64(100));
        QCOMPARE(schedule.skipBefore(0.5), quint64(50));
        QCOMPARE(schedule.nextDue(), 0.5);
        QCOMPARE(schedule.skipBefore(0.5), quint64(0));
        QCOMPARE(schedule.dueBefore(0.5), quint64(0));
        QCOMPARE(schedule.dueBefore(1.0), quint64(50));
        schedule.advance();
        QVERIFY(std::abs(schedule.nextDue() - 0.51) < 1e-9);
    }

    // Live rate changes: the next request comes within one new interval of the change, and
    // requests owed from before stay owed (the schedule does not forgive a backlog).
    void liveRateChange()
    {
        ArrivalSchedule schedule(LoadProfile(), 1);
        schedule.advance(); // next due at 1.0
        schedule.setRate(100, 0.2);
        QVERIFY2(schedule.nextDue() <= 0.21 + 1e-9,
                 qPrintable(QString::number(schedule.nextDue())));
        const int count = arrivalsBetween(schedule, 0.2, 1.2); // 0.21, 0.22, … 1.19
        QVERIFY2(count >= 99 && count <= 100, qPrintable(QString::number(count)));

        ArrivalSchedule slower(LoadProfile(), 100);
        slower.setRate(1, 0.0);
        slower.advance();
        QCOMPARE(slower.nextDue(), 1.0);

        ArrivalSchedule backlog(LoadProfile(), 10); // 10 owed by t = 1.0 (0.0 … 0.9)
        backlog.setRate(100, 1.0);
        QCOMPARE(backlog.dueBefore(1.0), quint64(10));
    }

    void liveProfileChange()
    {
        ArrivalSchedule schedule(LoadProfile(), 100);
        arrivalsBetween(schedule, 0, 5); // caught up at t = 5
        schedule.setProfile(LoadProfile(Shape::Ramp, 10), 5);
        QCOMPARE(schedule.profile().shape(), Shape::Ramp);
        // The ramp is at half load at t = 5: about 50 per second from there.
        const int count = arrivalsBetween(schedule, 5, 6);
        QVERIFY2(count >= 50 && count <= 56, qPrintable(QString::number(count)));
    }

    void activeUsers_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("connections");
        QTest::addColumn<int>("expected");
        QTest::newRow("none yet still one") << 0.0 << 10 << 1;
        QTest::newRow("a quarter") << 0.25 << 8 << 2;
        QTest::newRow("rounds up") << 0.26 << 8 << 3;
        QTest::newRow("full") << 1.0 << 8 << 8;
        QTest::newRow("spike low") << 0.1 << 50 << 5;
        QTest::newRow("one connection") << 0.5 << 1 << 1;
    }

    void activeUsers()
    {
        QFETCH(double, fraction);
        QFETCH(int, connections);
        QFETCH(int, expected);
        QCOMPARE(infralab::trafficgenerator::activeUsers(fraction, connections), expected);
    }
};

QTEST_GUILESS_MAIN(TestLoadProfile)
#include "tst_loadprofile.moc"
