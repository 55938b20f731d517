using Zoo.Core.Cgi;
using Zoo.Core.OgcApi.Definition;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Operations;

/// <summary><c>GET /api</c>: the OpenAPI 3.0 definition, typed as <c>[/api] type</c> says (the OpenAPI media type by default).</summary>
public static class ApiDefinition
{
    public const string DefaultContentType = "application/vnd.oai.openapi+json;version=3.0";

    public static CgiResponse Answer(ApiContext context)
    {
        var contentType = context.Oas.Document["/api"]["type"] is { Length: > 0 } type ? type : DefaultContentType;
        return JsonResponse.Build(context, 200, OpenApiDocument.Build(new DefinitionSource(context.Oas, context.Config)), null, contentType);
    }
}
