#include "httpserver/errorpage.h"

#include "http/responseheadwriter.h"

#include <infralab/version.h>

namespace infralab::httpserver {

QByteArray errorPage(int status)
{
    const QByteArray title
        = QByteArray::number(status) + ' ' + http::reasonPhrase(status).toByteArray();
    QByteArray page;
    page.reserve(200);
    page += "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
            + "</h1></center>\r\n<hr><center>InfraLab/" INFRALAB_VERSION
              "</center>\r\n</body>\r\n</html>\r\n";
    return page;
}

} // namespace infralab::httpserver
