using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// Lays ZOO's maps out in native memory as service.h defines them, and reads them back. Everything is allocated
/// with the C allocator (<see cref="NativeMemory"/> is malloc/free) because ZOO's rule is that a service may free
/// or realloc any name or value it is given and put its own malloc'ed memory in their place; so what is read back
/// and freed is what the structure holds after the call, never a list of what was handed over.
/// </summary>
internal static unsafe class NativeMapsMarshaller
{
    private const string SizeKey = "size";
    private const string ValueKey = "value";
    private const string LengthKey = "length";

    /// <summary>
    /// A chain of maps. Bytes get a terminating NUL past their <c>size</c> (as ZOO gives them); a list becomes
    /// ZOO's array keys (<c>value</c>, <c>value_1</c>, ... and <c>length</c>).
    /// </summary>
    public static NativeMaps* Allocate(ZooMaps maps)
    {
        NativeMaps* first = null;
        NativeMaps** link = &first;
        foreach (var (name, map) in maps)
        {
            var node = (NativeMaps*)NativeMemory.AllocZeroed((nuint)sizeof(NativeMaps));
            node->Name = CString(Encoding.UTF8.GetBytes(name));
            node->Content = Allocate(map);
            *link = node;
            link = &node->Next;
        }
        return first;
    }

    /// <summary>
    /// The chain as it is now. A value is bytes when its map has a <c>size</c> (how a C service says its result
    /// is binary), text otherwise. Child maps have no place in the kernel's maps and are not read.
    /// </summary>
    public static ZooMaps Read(NativeMaps* maps)
    {
        var result = new ZooMaps();
        for (var node = maps; node is not null; node = node->Next)
        {
            if (node->Name is null)
                continue;
            result.Set(Utf8(node->Name), Read(node->Content));
        }
        return result;
    }

    /// <summary>Frees the chain as it is now, children included.</summary>
    public static void Free(NativeMaps* maps)
    {
        while (maps is not null)
        {
            var next = maps->Next;
            Free(maps->Content);
            Free(maps->Child);
            NativeMemory.Free(maps->Name);
            NativeMemory.Free(maps);
            maps = next;
        }
    }

    private static NativeMap* Allocate(ZooMap map)
    {
        var pairs = Flatten(map).ToList();
        NativeMap* first = null;
        NativeMap** link = &first;
        foreach (var (key, bytes) in pairs)
        {
            var node = (NativeMap*)NativeMemory.AllocZeroed((nuint)sizeof(NativeMap));
            node->Name = CString(Encoding.UTF8.GetBytes(key));
            node->Value = CString(bytes);
            *link = node;
            link = &node->Next;
        }
        return first;
    }

    /// <summary>The map's keys and their bytes as a C service sees them, with the <c>size</c> and <c>length</c> ZOO adds.</summary>
    private static IEnumerable<(string Key, byte[] Bytes)> Flatten(ZooMap map)
    {
        var added = new List<(string, byte[])>();
        foreach (var (key, value) in map)
        {
            switch (value)
            {
                case ListValue list:
                    for (var i = 0; i < list.Items.Count; i++)
                        yield return (i == 0 ? key : $"{key}_{i}", Bytes(list.Items[i]));
                    if (!map.Contains(LengthKey))
                        added.Add((LengthKey, Ascii(list.Items.Count)));
                    break;
                case BytesValue or FileValue { AsBase64: false }:
                    var bytes = Bytes(value);
                    yield return (key, bytes);
                    if (key.Equals(ValueKey, StringComparison.OrdinalIgnoreCase) && !map.Contains(SizeKey))
                        added.Add((SizeKey, Ascii(bytes.Length)));
                    break;
                default:
                    yield return (key, Bytes(value));
                    break;
            }
        }
        foreach (var pair in added)
            yield return pair;
    }

    private static byte[] Bytes(MapValue value) => value switch
    {
        TextValue text => Encoding.UTF8.GetBytes(text.Text),
        BytesValue bytes => bytes.Bytes,
        FileValue { AsBase64: true } file => Encoding.ASCII.GetBytes(Convert.ToBase64String(File.ReadAllBytes(file.Path))),
        FileValue file => File.ReadAllBytes(file.Path),
        ListValue list => list.Items.Count > 0 ? Bytes(list.Items[0]) : [],
        _ => [],
    };

    private static byte[] Ascii(int number) => Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture));

    private static ZooMap Read(NativeMap* map)
    {
        var size = SizeOf(map);
        var result = new ZooMap();
        for (var node = map; node is not null; node = node->Next)
        {
            if (node->Name is null || node->Value is null)
                continue;
            var key = Utf8(node->Name);
            result[key] = size is { } length && key.Equals(ValueKey, StringComparison.OrdinalIgnoreCase)
                ? new BytesValue(new ReadOnlySpan<byte>(node->Value, length).ToArray())
                : new TextValue(Utf8(node->Value));
        }
        return result;
    }

    private static int? SizeOf(NativeMap* map)
    {
        for (var node = map; node is not null; node = node->Next)
        {
            if (node->Name is not null && node->Value is not null
                && Utf8(node->Name).Equals(SizeKey, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(Utf8(node->Value), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                return size;
        }
        return null;
    }

    private static void Free(NativeMap* map)
    {
        while (map is not null)
        {
            var next = map->Next;
            NativeMemory.Free(map->Name);
            NativeMemory.Free(map->Value);
            NativeMemory.Free(map);
            map = next;
        }
    }

    private static byte* CString(byte[] bytes)
    {
        var memory = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(memory, bytes.Length));
        memory[bytes.Length] = 0;
        return memory;
    }

    private static string Utf8(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? "";
}
