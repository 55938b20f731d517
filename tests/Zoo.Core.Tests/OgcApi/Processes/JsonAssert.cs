using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zoo.Core.Tests.OgcApi.Processes;

/// <summary>Compares JSON as parsed values (member order and spacing aside), showing both documents when they differ.</summary>
public static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void AreEqual(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = actual is null ? null : JsonNode.Parse(actual.ToJsonString());
        Assert.That(JsonNode.DeepEquals(expectedNode, actualNode), Is.True,
            () => $"expected:\n{expectedNode?.ToJsonString(Indented)}\nactual:\n{actualNode?.ToJsonString(Indented)}");
    }
}
