#include "imageprovider.h"

#include "localstore.h"
#include "sangkien/v1/sync_service.pb.h"

CacheImageProvider::CacheImageProvider(LocalStore *store)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_store(store)
{ }

QImage CacheImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    // caseStudies/{c}/images/{i}: the image lives inside its case study.
    const std::string name = id.toStdString();
    const auto pos = name.find("/images/");
    QImage image;
    if (pos != std::string::npos) {
        if (auto c = m_store->get(name.substr(0, pos)); c && c->has_case_study()) {
            for (const auto &i : c->case_study().images()) {
                if (i.name() == name) {
                    image.loadFromData(reinterpret_cast<const uchar *>(i.data().data()), int(i.data().size()));
                }
            }
        }
    }
    if (size) {
        *size = image.size();
    }
    if (!image.isNull() && requestedSize.isValid()) {
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    return image;
}
