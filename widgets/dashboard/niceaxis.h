#pragma once

#include <QList>
#include <QString>

namespace infralab {

// A value axis a person reads at a glance: its ends and its ticks are multiples of one step
// of 1, 2 or 5 times a power of ten ("0, 5k, 10k, 15k", never "0, 0.13, 0.38"), and an axis of
// counts never steps by less than 1 ("1.25 connections" is no count).
struct NiceAxis
{
    double min = 0;
    double max = 1;
    double step = 1;

    int intervals() const; // (max - min) / step
    QList<double> ticks() const; // min, min + step, …, max
};

// The axis for data between `dataMin` and `dataMax` with about `targetTicks` ticks (ends
// included): the 1-2-5 step whose tick count is closest to the target, ties going to the
// range that wastes less room. `integer`: steps of at least 1. An empty or flat range gets
// one unit of room above it.
NiceAxis niceAxis(double dataMin, double dataMax, int targetTicks, bool integer);

// A tick label: thousands as k, millions as M, billions as G ("12.5k", "2M", "500"), with as
// many decimals as `step` needs to tell neighbouring ticks apart and no trailing zeros; in the
// user's locale ("12,5k" in German).
QString tickLabel(double value, double step);

// A value for reading (tooltips): the same suffixes, `significant` digits ("12.5k", "0.153").
QString compactNumber(double value, int significant = 3);

} // namespace infralab
