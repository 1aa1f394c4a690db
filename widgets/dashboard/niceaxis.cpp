#include "dashboard/niceaxis.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <utility>

namespace infralab {

namespace {

constexpr double Epsilon = 1e-9;

// The locale's number with its trailing fractional zeros (and a bare decimal point) removed.
QString trimmed(const QLocale &locale, double value, int decimals)
{
    QString text = locale.toString(value, 'f', std::max(0, decimals));
    const QString point = locale.decimalPoint();
    if (decimals <= 0 || !text.contains(point))
        return text;
    const QString zero = locale.zeroDigit();
    while (text.endsWith(zero))
        text.chop(zero.size());
    if (text.endsWith(point))
        text.chop(point.size());
    return text;
}

struct Scale
{
    double divisor;
    const char *suffix;
};

Scale scaleOf(double magnitude)
{
    if (magnitude >= 1e9)
        return {1e9, "G"};
    if (magnitude >= 1e6)
        return {1e6, "M"};
    if (magnitude >= 1e3)
        return {1e3, "k"};
    return {1, ""};
}

} // namespace

int NiceAxis::intervals() const
{
    return step > 0 ? int(std::lround((max - min) / step)) : 0;
}

QList<double> NiceAxis::ticks() const
{
    QList<double> result;
    const int count = intervals();
    result.reserve(count + 1);
    for (int i = 0; i <= count; ++i)
        result.append(min + step * i);
    return result;
}

NiceAxis niceAxis(double dataMin, double dataMax, int targetTicks, bool integer)
{
    double lo = std::isfinite(dataMin) ? dataMin : 0;
    double hi = std::isfinite(dataMax) ? dataMax : lo;
    if (hi < lo)
        std::swap(lo, hi);
    if (hi - lo <= 0)
        hi = lo + (lo == 0 ? 1 : std::abs(lo) * 0.1);
    const double span = hi - lo;
    const int targetIntervals = std::max(1, targetTicks - 1);
    const int exponent = int(std::floor(std::log10(span / targetIntervals)));

    NiceAxis best;
    int bestDiff = -1;
    double bestWaste = 0;
    for (int e = exponent - 1; e <= exponent + 2; ++e) {
        for (const double mantissa : {1.0, 2.0, 5.0}) {
            const double step = mantissa * std::pow(10.0, e);
            if (integer && step < 1)
                continue;
            const double first = std::floor(lo / step + Epsilon);
            const double last = std::max(first + 1, std::ceil(hi / step - Epsilon));
            const NiceAxis axis{first * step, last * step, step};
            const int diff = std::abs(int(last - first) - targetIntervals);
            const double waste = ((axis.max - axis.min) - span) / (axis.max - axis.min);
            // Closest tick count; then less empty room; then (in this order) the larger step.
            if (bestDiff < 0 || diff < bestDiff
                || (diff == bestDiff && waste <= bestWaste + Epsilon)) {
                best = axis;
                bestDiff = diff;
                bestWaste = waste;
            }
        }
    }
    return best;
}

QString tickLabel(double value, double step)
{
    if (step <= 0 || std::abs(value) < step * 1e-6)
        return QLocale().toString(0);
    const Scale scale = scaleOf(std::abs(value));
    const double scaledStep = step / scale.divisor;
    const int decimals = scaledStep >= 1 ? 0 : int(std::ceil(-std::log10(scaledStep) - Epsilon));
    return trimmed(QLocale(), value / scale.divisor, decimals) + QLatin1String(scale.suffix);
}

QString compactNumber(double value, int significant)
{
    if (!std::isfinite(value))
        return QLocale().toString(value);
    if (value == 0)
        return QLocale().toString(0);
    significant = std::max(1, significant);
    // Rounded first, so 999.96 reads "1k", not "1000".
    const double magnitude = std::floor(std::log10(std::abs(value)));
    const double factor = std::pow(10.0, significant - 1 - magnitude);
    const double rounded = std::round(value * factor) / factor;
    const Scale scale = scaleOf(std::abs(rounded));
    const double scaled = rounded / scale.divisor;
    const int decimals
        = significant - 1 - int(std::floor(std::log10(std::abs(scaled)) + Epsilon));
    return trimmed(QLocale(), scaled, decimals) + QLatin1String(scale.suffix);
}

} // namespace infralab
