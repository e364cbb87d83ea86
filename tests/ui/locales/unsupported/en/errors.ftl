leads--invalid = { $count ->
    [one] One lead is invalid.
   *[other] { $count } leads are invalid.
}
