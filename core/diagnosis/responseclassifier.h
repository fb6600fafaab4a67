#pragma once

#include "../probe/httpmessage.h"
#include "category.h"

#include <QString>

namespace llmdoctor::core {

// The error a provider put in its JSON body, whatever its dialect (OpenAI, Anthropic,
// OpenRouter, Kong...). Empty fields when the body says nothing we understand.
struct ProviderError
{
    QString type;
    QString code;
    QString message;
};
ProviderError parseProviderError(const QByteArray &body);

struct ResponseClass
{
    Category category = Category::Ok;
    QString summary; // one plain sentence
    ProviderError error;
    bool regionRefused = false; // refused for where the request came from: 451, or a 403 naming the region
};

// What an HTTP answer means, from its status, headers and body.
ResponseClass classifyResponse(const HttpResponse &response, bool keySent, bool viaProxy);

} // namespace llmdoctor::core
