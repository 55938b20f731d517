using System.Text.Json.Nodes;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>
/// The callbacks of an execute operation (callback conformance class): the section its <c>callbacksReference</c>
/// names lists, for each <c>state_N</c>, the subscriber member holding the URI (<c>uri_N</c>) and the body posted to
/// it (<c>schema_N</c>, <c>type_N</c>, <c>title_N</c>).
/// </summary>
public static class OpenApiCallbacks
{
    /// <param name="processName">the operation's process (<c>pname</c>), which names each callback's operationId.</param>
    public static JsonObject? Build(DefinitionSource source, string sectionName, string? processName)
    {
        if (!source.HasSection(sectionName))
            return null;
        var section = source.Section(sectionName);
        var callbacks = new JsonObject();
        for (var i = 0; i < ConfigArray.Count(section, "state"); i++)
        {
            if (ConfigArray.NonEmpty(section, "state", i) is not { } state || ConfigArray.NonEmpty(section, "uri", i) is not { } uri)
                continue;
            var title = ConfigArray.NonEmpty(section, "title", i);
            var media = new JsonObject();
            if (ConfigArray.NonEmpty(section, "schema", i) is { } schema)
                media["schema"] = new JsonObject { ["$ref"] = schema };
            var post = new JsonObject();
            if (title is not null)
                post["summary"] = title;
            post["requestBody"] = new JsonObject
            {
                ["content"] = new JsonObject { [ConfigArray.NonEmpty(section, "type", i) ?? OpenApiResponses.DefaultMediaType] = media },
            };
            post["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = title ?? "notification received" } };
            if (processName is not null)
                post["operationId"] = state + processName;
            callbacks[state] = new JsonObject { [$"{{$request.body#/subscriber/{uri}}}"] = new JsonObject { ["post"] = post } };
        }
        return callbacks.Count == 0 ? null : callbacks;
    }
}
