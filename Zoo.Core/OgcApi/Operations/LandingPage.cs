using System.Text.Json.Nodes;
using Zoo.Core.Cgi;
using Zoo.Core.OgcApi.Definition;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Operations;

/// <summary><c>GET /</c>: the service's title and abstract (main.cfg <c>[identification]</c>) and the links of oas.cfg.</summary>
public static class LandingPage
{
    public static CgiResponse Answer(ApiContext context) => JsonResponse.Build(context, 200, Build(context));

    public static JsonObject Build(ApiContext context)
    {
        var identification = context.Config.Identification;
        var document = new JsonObject();
        if (identification["title"] is { Length: > 0 } title)
            document["title"] = title;
        if (identification["abstract"] is { Length: > 0 } description)
            document["description"] = description;
        document["links"] = LandingLinks.Build(context.Oas);
        return document;
    }
}
