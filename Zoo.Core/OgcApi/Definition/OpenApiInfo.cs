using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>The definition's <c>info</c> and its server, from main.cfg's <c>[identification]</c> and <c>[provider]</c>.</summary>
public static class OpenApiInfo
{
    /// <summary>The ZOO-Kernel version this kernel answers as (the Python services' <c>zoo.VERSION</c> too).</summary>
    public const string KernelVersion = "2.0.0";

    private const string DefaultTitle = "OGC API - Processes";

    public static JsonObject Build(DefinitionSource source)
    {
        var identification = source.Config.Identification;
        var provider = source.Config.Provider;
        var info = new JsonObject();
        if (provider["providerName"] is { Length: > 0 } providerName)
        {
            var contact = new JsonObject { ["name"] = providerName };
            if (provider["addressElectronicMailAddress"] is { Length: > 0 } email)
                contact["email"] = email;
            if (provider["providerSite"] is { Length: > 0 } site)
                contact["url"] = site;
            info["contact"] = contact;
        }
        if (source.Description(identification, 0) is { } description)
            info["description"] = description;
        info["title"] = identification["title"] is { Length: > 0 } title ? title : DefaultTitle;
        if (identification["logo"] is { Length: > 0 } logo)
        {
            var picture = new JsonObject { ["url"] = logo };
            if (identification["logoBgColor"] is { Length: > 0 } color)
                picture["backgroundColor"] = color;
            if (identification["logoAltText"] is { Length: > 0 } text)
                picture["altText"] = text;
            info["x-logo"] = picture;
        }
        info["version"] = KernelVersion;
        var keywords = DefinitionSource.List(identification["keywords"]);
        if (keywords.Count > 0)
            info["x-keywords"] = new JsonArray(keywords.Select(k => (JsonNode)k).ToArray());
        if (provider.Count > 0)
            info["x-ows-servicecontact"] = new JsonObject(provider.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        // OpenAPI requires a licence's name: without one, no licence.
        if (source.Oas.OpenApi["license_name"] is { Length: > 0 } license)
        {
            var licence = new JsonObject { ["name"] = license };
            if (source.Oas.OpenApi["license_url"] is { Length: > 0 } url)
                licence["url"] = url;
            info["license"] = licence;
        }
        return info;
    }

    /// <summary>The one server: the API's root, described by the service's title (its abstract when it has none).</summary>
    public static JsonObject Server(DefinitionSource source)
    {
        var identification = source.Config.Identification;
        var server = new JsonObject();
        if ((identification["title"] is { Length: > 0 } title ? title : source.Description(identification, 0)) is { } description)
            server["description"] = description;
        server["url"] = source.Oas.RootUrl;
        return server;
    }
}
