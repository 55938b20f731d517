using System.Runtime.InteropServices;

namespace Zoo.Core.Processes.Native;

/// <summary>ZOO's <c>map</c>: one key and its value, chained. Every pointer is malloc'ed memory.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeMap
{
    public byte* Name;
    public byte* Value;
    public NativeMap* Next;
}

/// <summary>ZOO's <c>maps</c>: a named map (a conf section, an input, an output), its child maps, chained.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeMaps
{
    public byte* Name;
    public NativeMap* Content;
    public NativeMaps* Child;
    public NativeMaps* Next;
}
