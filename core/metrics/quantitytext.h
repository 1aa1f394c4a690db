#pragma once

#include <QString>

namespace infralab {

// How people read a rate and a latency: the same words on the canvas's cards, in the docks
// and in a kind's own detail lines (Component::detail()). Translated (context "LiveState").

// "1.23k req/s", "850 req/s", "0.4 req/s"
QString rateText(double perSecond);
// "0.42 ms", "12.3 ms", "1.20 s"
QString latencyText(double milliseconds);

} // namespace infralab
