;; Values that wait on the operand stack under a block, the shapes HeldValueSink moves (and two it
;; must leave alone). HeldValueSinkTest runs every export before and after the rewrite.
(module
  (memory 1)
  ;; the VDBE shape: an address waits under a switch whose arms branch out past it
  (func (export "storeSwitch") (param $p i32) (param $op i32) (result i32) (local $v i32)
    (block $out
      (block $skip
        (i32.store offset=16
          (local.get $p)
          (local.tee $v
            (block $value (result i32)
              (block $c2
                (block $c1
                  (block $c0
                    (br_table $c0 $c1 $c2 $skip $out (local.get $op)))
                  (br $value (i32.const 100)))
                (br $value (i32.add (local.get $op) (i32.const 200))))
              (i32.const 300))))
        (return (i32.add (local.get $v) (i32.load offset=16 (local.get $p)))))
      (return (i32.const -1)))
    (i32.const -2))
  ;; no tee after the block: its result goes through a scratch local; two reads and a constant wait
  (func (export "threeWaiting") (param $a i32) (param $b i32) (result i32)
    (block $out
      (return
        (i32.add
          (i32.sub (local.get $a) (i32.const 7))
          (i32.mul
            (local.get $b)
            (block (result i32)
              (br_if $out (i32.eqz (local.get $b)))
              (i32.add (local.get $a) (i32.const 1)))))))
    (i32.const 99))
  ;; the tee writes one of the waiting reads: the result must go through a scratch local
  (func (export "teeOfAWaitingRead") (param $a i32) (result i32)
    (block $out
      (return
        (i32.add
          (local.get $a)
          (local.tee $a
            (block (result i32)
              (br_if $out (i32.lt_s (local.get $a) (i32.const 0)))
              (i32.mul (local.get $a) (i32.const 3)))))))
    (i32.const -7))
  ;; the block writes the waiting local: left alone
  (func (export "blockWritesIt") (param $a i32) (result i32)
    (block $out
      (return
        (i32.add
          (local.get $a)
          (block (result i32)
            (local.set $a (i32.add (local.get $a) (i32.const 10)))
            (br_if $out (i32.gt_s (local.get $a) (i32.const 50)))
            (local.get $a)))))
    (local.get $a))
  ;; in a loop, an i64: the accumulator waits under a block that can leave the loop
  (func (export "loopNested") (param $n i32) (result i64) (local $i i32) (local $acc i64)
    (block $done
      (loop $again
        (local.set $acc
          (i64.add
            (local.get $acc)
            (block $b (result i64)
              (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
              (i64.mul (i64.extend_i32_s (local.get $i)) (i64.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $acc))
  ;; a branch to the block itself keeps the waiting value; the one past it moves it
  (func (export "selfBranch") (param $a i32) (result i32)
    (block $out
      (return
        (i32.add
          (local.get $a)
          (block $b (result i32)
            (drop (br_if $b (i32.const 7) (i32.eq (local.get $a) (i32.const 1))))
            (br_if $out (i32.eq (local.get $a) (i32.const 2)))
            (i32.const 5)))))
    (i32.const 1000))
  ;; only branches to the block itself: nothing to drop, left alone
  (func (export "onlyInside") (param $a i32) (result i32)
    (i32.add
      (local.get $a)
      (block $b (result i32)
        (drop (br_if $b (i32.const 7) (i32.eq (local.get $a) (i32.const 1))))
        (i32.const 5))))
)
