graph [
  node [
    id 0
    label "cloud"
    kind "cloud"
    x 0.0
    y -200.0
  ]
  node [
    id 1
    label "edge-a"
    kind "server"
    computeGflops 150.0
    x -150.0
    y 0.0
  ]
  node [
    id 2
    label "edge-b"
    kind "server"
    x 150.0
    y 0.0
  ]
  node [
    id 3
    label "phone-0"
    kind "device"
    x -225.0
    y 150.0
  ]
  node [
    id 4
    label "phone-1"
    kind "device"
    x -75.0
    y 150.0
  ]
  node [
    id 5
    label "phone-2"
    kind "device"
    x 75.0
    y 150.0
  ]
  node [
    id 6
    label "phone-3"
    kind "device"
    x 225.0
    y 150.0
  ]
  edge [
    source 0
    target 1
    bandwidthMbps 1000.0
    latencyMs 2.0
  ]
  edge [
    source 0
    target 2
    bandwidthMbps 1000.0
  ]
  edge [
    source 1
    target 3
    bandwidthMbps 50.0
    latencyMs 8.0
  ]
  edge [
    source 1
    target 4
    bandwidthMbps 50.0
    latencyMs 8.0
  ]
  edge [
    source 2
    target 5
    bandwidthMbps 50.0
    latencyMs 8.0
  ]
  edge [
    source 2
    target 6
    bandwidthMbps 50.0
    latencyMs 8.0
  ]
  edge [
    source 4
    target 5
  ]
]
