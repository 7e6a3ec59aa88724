// The channels that `hoinghi start` can run; each module registers itself with registerChannel().
export {};
