namespace Zoo.Core.Cgi;

/// <summary>RFC 9110's token: what a header name may be made of.</summary>
public static class HttpToken
{
    public static bool IsToken(string name) => name.Length > 0 && name.All(IsTokenChar);

    private static bool IsTokenChar(char c) =>
        c is > ' ' and < '\u007f' and not ('(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '"'
            or '/' or '[' or ']' or '?' or '=' or '{' or '}');
}
