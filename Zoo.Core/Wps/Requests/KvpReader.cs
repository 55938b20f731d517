using System.Text;
using Zoo.Core.Configuration;

namespace Zoo.Core.Wps.Requests;

/// <summary>Decodes an HTTP query string (<c>a=1&amp;b=x%20y</c>) into parameters, strictly as UTF-8.</summary>
public static class KvpReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="WpsException">InvalidParameterValue when a name or value is not valid UTF-8.</exception>
    public static ConfigValues Parse(string queryString)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in queryString.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = Decode(equals < 0 ? part : part[..equals], "request");
            if (name.Length == 0)
                continue;
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..], name);
            pairs.Add(KeyValuePair.Create(name, value.Replace("\r", "").Replace("\n", "")));
        }
        return new ConfigValues(pairs);
    }

    /// <summary>URL-decodes one component: <c>+</c> is a space, <c>%XX</c> a byte of UTF-8.</summary>
    public static string Decode(string text, string locator)
    {
        // The runtime decodes the environment as UTF-8 and marks bytes it could not decode with U+FFFD.
        if (text.Contains('\uFFFD'))
            throw NotUtf8(locator);
        if (text.IndexOfAny(['%', '+']) < 0)
            return text;
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
                bytes.Add((byte)' ');
            else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c < 0x80)
                bytes.Add((byte)c);
            else
            {
                // A run of raw characters is encoded together, so that surrogate pairs stay whole.
                var end = i;
                while (end < text.Length && text[end] >= 0x80)
                    end++;
                bytes.AddRange(Encoding.UTF8.GetBytes(text, i, end - i));
                i = end - 1;
            }
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8(locator);
        }
    }

    private static WpsException NotUtf8(string locator) =>
        new("InvalidParameterValue", locator, $"The value of the {locator} parameter is not valid UTF-8.");

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
